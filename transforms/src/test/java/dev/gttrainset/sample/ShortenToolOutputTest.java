package dev.gttrainset.sample;

import static dev.gttrainset.sample.Messages.answer;
import static dev.gttrainset.sample.Messages.call;
import static dev.gttrainset.sample.Messages.reply;
import static dev.gttrainset.sample.Messages.sample;
import static dev.gttrainset.sample.Messages.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.parse.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortenToolOutputTest {
  @Test
  void keepsHeadAndTailOfLongOutputAndFlagsTheSample() {
    String output = "HEAD\n" + "y\n".repeat(500) + "TAIL";
    Sample sample = sample(user("a"), call("t1", "cat"), reply("t1", output), answer("done"));

    Sample shortened = ShortenToolOutput.shorten(sample, 60, 120);

    String text = shortened.messages().get(3).text();
    assertTrue(text.startsWith("HEAD") && text.endsWith("TAIL"), text);
    assertTrue(text.contains("lines (") && text.contains("characters) of tool output left out"), text);
    assertTrue(text.length() < 220, text);
    assertEquals(List.of(ShortenToolOutput.TRUNCATED_FLAG), shortened.qualityFlags());
    assertEquals(TokenEstimate.of(shortened.messages()), shortened.estTokens());
  }

  @Test
  void theBudgetDecidesHowMuchStays() {
    String output = "line of output\n".repeat(400);
    Sample sample = sample(user("a"), call("t1", "cat"), reply("t1", output), answer("done"));
    assertSame(sample, ShortenToolOutput.shorten(sample, 4_000, 120), "fits whole");

    Sample halved = ShortenToolOutput.shorten(sample, 800, 120);
    assertTrue(halved.estTokens() <= 800, "fits " + halved.estTokens());
    int kept = halved.messages().get(3).text().length();
    assertTrue(kept > 2_500 && kept < 3_300, "kept as much as the budget allows: " + kept);
  }

  @Test
  void aFileReadKeepsTheLinesALaterEditChanges() {
    StringBuilder file = new StringBuilder();
    for (int i = 1; i <= 600; i++) {
      file.append(String.format("%6d\u2192    int value%d = compute(%d);%n", i, i, i));
    }
    ChatMessage read =
        ChatMessage.assistant("", List.of(ToolCall.create("r1", "Read", "{\"file_path\":\"/src/A.java\"}")), 0L);
    ChatMessage edit =
        ChatMessage.assistant(
            "",
            List.of(ToolCall.create("e1", "Edit",
                "{\"file_path\":\"/src/A.java\",\"old_string\":\"    int value300 = compute(300);\\n    int value301 = compute(301);\","
                    + "\"new_string\":\"    int value300 = 0;\"}")),
            0L);
    Sample sample =
        sample(user("fix A"), read, ChatMessage.toolReply(read.toolCalls().get(0), file.toString(), false, 0L),
            edit, reply("e1", "ok"), answer("Fixed value300."));

    Sample shortened = ShortenToolOutput.shorten(sample, 600, 400);
    String shown = shortened.messages().get(3).text();

    assertTrue(shown.contains("int value300 = compute(300);") && shown.contains("int value301 = compute(301);"), shown);
    assertTrue(shown.contains("   1\u2192") && shown.contains(" 600\u2192"), "head and tail stay: " + shown);
    assertTrue(shortened.estTokens() <= 600, "fits: " + shortened.estTokens());
  }

  @Test
  void aFileReadKeepsTheLinesALaterRewriteKeepsWhereThereIsRoom() {
    StringBuilder file = new StringBuilder();
    StringBuilder rewrite = new StringBuilder("// rewritten\n");
    for (int i = 1; i <= 300; i++) {
      String line = String.format("    register(\"handler-%d\", handlers::on%d);", i, i);
      file.append(String.format("%6d\u2192%s%n", i, line));
      if (i >= 150 && i < 160) {
        rewrite.append(line).append('\n');
      }
    }
    ChatMessage read = ChatMessage.assistant("", List.of(ToolCall.create("r1", "Read", "{\"file_path\":\"/src/R.java\"}")), 0L);
    ObjectNode arguments = Json.MAPPER.createObjectNode().put("file_path", "/src/R.java").put("content", rewrite.toString());
    ChatMessage write = ChatMessage.assistant("", List.of(ToolCall.create("w1", "Write", Json.compact(arguments))), 0L);
    Sample sample =
        sample(user("trim R"), read, ChatMessage.toolReply(read.toolCalls().get(0), file.toString(), false, 0L),
            write, reply("w1", "ok"), answer("R keeps handlers 150 to 159."));

    String shown = ShortenToolOutput.shorten(sample, 700, 400).messages().get(3).text();

    for (int i = 150; i < 160; i++) {
      assertTrue(shown.contains("handlers::on" + i + ");"), i + " in " + shown);
    }
    assertTrue(!shown.contains("handlers::on200);"), shown);
  }

  @Test
  void linesKeptAllOverTheOutputStillFitTheLimit() {
    StringBuilder grep = new StringBuilder();
    for (int i = 0; i < 4_000; i++) {
      grep.append("src/f").append(i).append(".go:12:    return result;\n").append("src/f").append(i).append(".go:13:}\n");
    }
    List<int[]> everywhere = new ArrayList<>();
    for (int i = 0; i < 8_000; i += 2) {
      everywhere.add(new int[] {i, i + 1});
    }
    String shown = ToolOutput.shorten(grep.toString(), 4_000, everywhere, List.of(), false);
    assertTrue(shown.length() <= 4_000, "within the limit: " + shown.length());
  }

  @Test
  void aTestLogKeepsMostlyItsTail() {
    String log = "compiling module\n".repeat(300) + "Tests run: 12, Failures: 1\nBUILD FAILURE\n";
    Sample tests = sample(user("a"), call("t1", "mvn -q test"), reply("t1", log), answer("One test fails."));
    Sample listing = sample(user("a"), call("t1", "cat build.log"), reply("t1", log), answer("One test fails."));

    String testTail = ShortenToolOutput.shorten(tests, 100, 400).messages().get(3).text();
    String catTail = ShortenToolOutput.shorten(listing, 100, 400).messages().get(3).text();

    assertTrue(testTail.endsWith("BUILD FAILURE\n"), testTail);
    int testTailChars = testTail.length() - testTail.lastIndexOf("left out");
    int catTailChars = catTail.length() - catTail.lastIndexOf("left out");
    assertTrue(testTailChars > 2 * catTailChars, testTail + "\n---\n" + catTail);
  }

  @Test
  void shortOutputIsLeftAlone() {
    Sample sample = sample(user("a"), call("t1", "ls"), reply("t1", "a b"), answer("done"));
    assertSame(sample, ShortenToolOutput.shorten(sample, 60, 120));
  }
}
