package dev.gttrainset.sample;

import static dev.gttrainset.sample.Messages.MAYOR;
import static dev.gttrainset.sample.Messages.answer;
import static dev.gttrainset.sample.Messages.call;
import static dev.gttrainset.sample.Messages.conversation;
import static dev.gttrainset.sample.Messages.reply;
import static dev.gttrainset.sample.Messages.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.Sample;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SampleWindowerTest {
  private final Counters counters = new Counters();

  private List<Sample> windows(long maxTokens, ChatMessage... messages) {
    return new SampleWindower(maxTokens, 4000, false)
        .windows(conversation(messages), MAYOR, Sample.NO_COST, counters);
  }

  private static List<String> texts(Sample sample) {
    return sample.messages().stream()
        .map(m -> m.role() + ":" + (m.isTool() ? m.toolCallId() : m.text()))
        .collect(Collectors.toList());
  }

  @Test
  void opensWithTheRolePromptAndPacksExchangesThatFit() {
    List<Sample> samples =
        windows(10_000, user("a"), call("t1", "ls"), reply("t1", "x"), answer("done a"), user("b"), answer("done b"));

    assertEquals(1, samples.size());
    Sample sample = samples.get(0);
    assertEquals(GtRole.MAYOR.systemPrompt(), sample.messages().get(0).text());
    assertEquals(
        List.of("user:a", "assistant:", "tool:t1", "assistant:done a", "user:b", "assistant:done b"),
        texts(sample).subList(1, 7));
    assertEquals(TokenEstimate.of(sample.messages()), sample.estTokens());
  }

  @Test
  void startsANewWindowAtAUserMessageWhenTheBudgetIsFull() {
    String long1 = "x".repeat(400);
    List<Sample> samples = windows(150, user("a"), answer(long1), user("b"), answer("done b"));

    assertEquals(2, samples.size());
    assertEquals("user:b", texts(samples.get(1)).get(1));
    assertEquals(1, samples.get(1).sampleIndex());
  }

  @Test
  void neverCutsBetweenACallAndItsReply() {
    // The user's interjection after a tool reply does not open a window: the turn is still open.
    List<Sample> samples =
        windows(
            60, user("a"), call("t1", "ls"), reply("t1", "x"), user("also this"), answer("done"), user("b"), answer("ok"));

    List<String> first = texts(samples.get(0));
    assertEquals(List.of("user:a", "assistant:", "tool:t1", "user:also this", "assistant:done"), first.subList(1, 6));
    for (Sample sample : samples) {
      assertTrue(sample.messages().get(1).isUser());
      assertTrue(sample.messages().get(sample.messages().size() - 1).endsTurn());
    }
  }

  @Test
  void anUnfinishedEndIsCutBackToTheLastClosedTurn() {
    List<Sample> samples =
        windows(10_000, user("a"), answer("done a"), user("b"), answer("partial"), call("t1", "ls"), reply("t1", "x"));

    assertEquals(1, samples.size());
    assertEquals("assistant:partial", texts(samples.get(0)).get(texts(samples.get(0)).size() - 1));
    assertEquals(2, counters.get(StatKeys.MESSAGES_UNFINISHED));
  }

  @Test
  void anEndThatNeverClosedIsAWindowOfItsOwn() {
    List<Sample> samples = windows(10_000, user("a"), answer("done a"), user("b"), call("t1", "ls"), reply("t1", "x"));

    assertEquals(2, samples.size());
    assertEquals(List.of("user:a", "assistant:done a"), texts(samples.get(0)).subList(1, 3));
    assertEquals("tool:t1", texts(samples.get(1)).get(texts(samples.get(1)).size() - 1));
  }

  @Test
  void aFailedApiCallStaysOutOfGoodWindows() {
    ChatMessage failed = answer("API Error: 529").toBuilder().setApiError(true).build();
    List<Sample> samples = windows(10_000, user("a"), answer("done a"), user("b"), failed, user("c"), answer("done c"));

    assertEquals(3, samples.size());
    assertTrue(samples.get(1).messages().stream().anyMatch(ChatMessage::apiError));
    assertTrue(samples.get(2).messages().stream().noneMatch(ChatMessage::apiError));
  }

  @Test
  void sizesToolOutputAsItWillBeShortenedAndDropsThinking() {
    ChatMessage thinking = answer("done").toBuilder().setThinking("secret plan").build();
    List<Sample> samples =
        new SampleWindower(10_000, 120, false)
            .windows(
                conversation(user("a"), call("t1", "cat"), reply("t1", "y".repeat(1000)), thinking),
                MAYOR,
                Sample.NO_COST,
                counters);

    Sample sample = samples.get(0);
    assertEquals(1000, sample.messages().get(3).text().length(), "shortened only after scrubbing");
    assertTrue(sample.estTokens() < 150, "counted as shortened: " + sample.estTokens());
    assertEquals("", sample.messages().get(4).thinking());
  }

  @Test
  void messagesBeforeTheFirstPromptAreCounted() {
    List<Sample> samples = windows(10_000, answer("resumed"), user("a"), answer("b"));
    assertEquals(1, samples.size());
    assertEquals(1, counters.get(StatKeys.MESSAGES_BEFORE_FIRST_PROMPT));
  }
}
