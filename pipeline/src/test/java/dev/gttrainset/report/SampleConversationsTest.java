package dev.gttrainset.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleConversationsTest {
  @TempDir Path folder;

  private static final String CHAT =
      "{\"messages\":[{\"role\":\"system\",\"content\":\"You are the Mayor.\"},"
          + "{\"role\":\"user\",\"content\":\"check <script>alert(1)</script>\"},"
          + "{\"role\":\"assistant\",\"content\":\"Earlier.\",\"weight\":0},"
          + "{\"role\":\"assistant\",\"content\":\"\",\"tool_calls\":[{\"id\":\"t1\",\"type\":\"function\","
          + "\"function\":{\"name\":\"Bash\",\"arguments\":{\"command\":\"gh auth status\"}}}]},"
          + "{\"role\":\"tool\",\"tool_call_id\":\"t1\",\"name\":\"Bash\",\"content\":\"token: [REDACTED:github-pat]\"},"
          + "{\"role\":\"assistant\",\"content\":\"Logged in.\"}],\"metadata\":{}}";

  private JsonNode stats(long mayorTrain) throws Exception {
    return Json.MAPPER.readTree(
        "{\"roles\":{\"mayor\":{\"samples\":" + mayorTrain + ",\"train\":" + mayorTrain + ",\"val\":0},"
            + "\"deacon\":{\"samples\":0,\"train\":0,\"val\":0}}}");
  }

  @Test
  void drawsEachRolesFirstSamplesAsAConversation() throws Exception {
    Files.writeString(folder.resolve("mayor_train.jsonl"), (CHAT + "\n").repeat(3));
    String html = SampleConversations.html(folder, stats(3));

    assertTrue(html.contains("<section class=\"samples\" id=\"samples-mayor\">"), html);
    assertFalse(html.contains("samples-deacon"), "a role without samples shows none");
    assertEquals(2, count(html, "<article class=\"sample\">"), "a few, not all");
    assertEquals(2, count(html, "<details class=\"fold call\"><summary>calls Bash {&quot;command&quot;:&quot;gh auth status&quot;}"));
    assertEquals(2, count(html, "<details class=\"fold tool\"><summary>reply to Bash (28 characters)</summary>"));
    assertEquals(2, count(html, "<details class=\"fold system\">"));
    assertEquals(2, count(html, "<div class=\"m assistant context\">"));
    assertEquals(2, count(html, "<mark class=\"placeholder\">[REDACTED:github-pat]</mark>"));
    assertFalse(html.contains("<script>"), "text is escaped");
  }

  @Test
  void shareGptBlocksAreFoldedToo() throws Exception {
    String record =
        "{\"conversations\":[{\"from\":\"system\",\"value\":\"You are the Mayor.\"},{\"from\":\"human\",\"value\":\"go\"},"
            + "{\"from\":\"gpt\",\"value\":\"Looking.\\n\\n<tool_call>\\n{\\\"name\\\":\\\"Bash\\\"}\\n</tool_call>\"},"
            + "{\"from\":\"human\",\"value\":\"<tool_response>\\nok\\n</tool_response>\"},{\"from\":\"gpt\",\"value\":\"Done.\"}]}";
    Files.writeString(folder.resolve("mayor_train.jsonl"), record + "\n");
    String html = SampleConversations.html(folder, stats(1));
    assertTrue(html.contains("<details class=\"fold call\"><summary>call {&quot;name&quot;:&quot;Bash&quot;}</summary>"), html);
    assertTrue(html.contains("<details class=\"fold reply\"><summary>reply ok</summary>"), html);
    assertTrue(html.contains("<pre>Looking.</pre>"), html);
  }

  private static int count(String text, String part) {
    Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
