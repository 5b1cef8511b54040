package dev.gttrainset.sample;

import static dev.gttrainset.sample.Messages.answer;
import static dev.gttrainset.sample.Messages.call;
import static dev.gttrainset.sample.Messages.reply;
import static dev.gttrainset.sample.Messages.sample;
import static dev.gttrainset.sample.Messages.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.Sample;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShortenToolOutputTest {
  @Test
  void keepsHeadAndTailOfLongOutputAndFlagsTheSample() {
    String output = "HEAD" + "y".repeat(1000) + "TAIL";
    Sample sample = sample(user("a"), call("t1", "cat"), reply("t1", output), answer("done"));

    Sample shortened = ShortenToolOutput.shorten(sample, 120);

    String text = shortened.messages().get(3).text();
    assertTrue(text.startsWith("HEAD") && text.endsWith("TAIL"), text);
    assertTrue(text.contains("characters of tool output omitted"), text);
    assertTrue(text.length() < 200, text);
    assertEquals(List.of(ShortenToolOutput.TRUNCATED_FLAG), shortened.qualityFlags());
    assertEquals(TokenEstimate.of(shortened.messages()), shortened.estTokens());
  }

  @Test
  void shortOutputIsLeftAlone() {
    Sample sample = sample(user("a"), call("t1", "ls"), reply("t1", "a b"), answer("done"));
    assertSame(sample, ShortenToolOutput.shorten(sample, 120));
  }
}
