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
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  void joinsWhatTheUserTypedWhileToolsRanToTheReplyItCameWith() {
    List<Sample> samples =
        windows(
            10_000, user("a"), call("t1", "ls"), reply("t1", "x"), user("also this"), answer("done"), user("b"), answer("ok"));

    assertEquals(1, samples.size());
    List<ChatMessage> messages = samples.get(0).messages();
    assertEquals(List.of("user:a", "assistant:", "tool:t1", "assistant:done", "user:b", "assistant:ok"), texts(samples.get(0)).subList(1, 7));
    assertEquals("x\n\nalso this", messages.get(3).text());
    assertEquals(1, counters.get(StatKeys.USER_TEXT_JOINED));
  }

  @Test
  void aSessionKilledMidTurnEndsOnItsLastCall() {
    List<Sample> samples =
        windows(10_000, user("a"), answer("done a"), user("b"), answer("Listing."), call("t1", "ls"), reply("t1", "x"));

    assertEquals(1, samples.size());
    ChatMessage last = samples.get(0).messages().get(samples.get(0).messages().size() - 1);
    assertEquals("Listing.", last.text(), "two assistant messages in a row are one turn");
    assertEquals("t1", last.toolCalls().get(0).id());
    assertEquals(1, counters.get(StatKeys.ASSISTANT_MESSAGES_JOINED));
  }

  @Test
  void aPromptNobodyAnsweredIsCounted() {
    List<Sample> samples = windows(10_000, user("a"), answer("done a"), user("anyone?"));
    assertEquals(1, samples.size());
    assertEquals(1, counters.get(StatKeys.MESSAGES_UNFINISHED));
  }

  @Test
  void aFailedApiCallIsLeftOutAndTheTurnsAroundItJoin() {
    ChatMessage failed = answer("API Error: 529").toBuilder().setApiError(true).build();
    List<Sample> samples = windows(10_000, user("a"), answer("done a"), user("b"), failed, user("c"), answer("done c"));

    assertEquals(1, samples.size());
    assertEquals(List.of("user:a", "assistant:done a", "user:b\n\nc", "assistant:done c"), texts(samples.get(0)).subList(1, 5));
    assertEquals(1, counters.get(StatKeys.notTrained("api-error")));
  }

  @Test
  void cutsALongExchangeIntoWindowsThatEachTrainTheirOwnTurns() {
    List<ChatMessage> messages = new ArrayList<>(List.of(user("port the parser")));
    for (int i = 0; i < 12; i++) {
      messages.add(call("t" + i, "step " + i));
      messages.add(reply("t" + i, ("output of step " + i + "\n").repeat(20)));
    }
    messages.add(answer("Ported, all twelve steps done."));
    long budget = TokenEstimate.of(ChatMessage.system(GtRole.MAYOR.systemPrompt())) + 600;

    List<Sample> samples = windows(budget, messages.toArray(new ChatMessage[0]));

    assertTrue(samples.size() >= 3, "cut into " + samples.size());
    Map<String, Integer> trainedIn = new HashMap<>();
    for (Sample sample : samples) {
      List<ChatMessage> m = sample.messages();
      assertTrue(m.get(0).isSystem() && m.get(1).isUser() && m.get(1).text().startsWith("port the parser"));
      assertTrue(sample.estTokens() <= budget, sample.estTokens() + " > " + budget);
      ChatMessage last = m.get(m.size() - 1);
      assertTrue(last.trained(), "ends on a trained turn");
      for (ChatMessage message : m) {
        if (message.trained()) {
          String id = message.toolCalls().isEmpty() ? message.text() : message.toolCalls().get(0).id();
          trainedIn.merge(id, 1, Integer::sum);
        }
      }
      if (sample.sampleIndex() > 0) {
        assertTrue(m.get(1).text().contains("earlier turns of this task left out"), m.get(1).text());
        assertTrue(m.get(2).context() && m.get(3).isTool(), "the turn before comes as context with its reply: " + texts(sample));
        assertTrue(m.get(2).callsContinued(), "the window before ended on its call");
      }
      boolean final_ = sample == samples.get(samples.size() - 1);
      assertEquals(final_, !last.callsContinued(), "the window before the next ends on calls it continues");
      assertEquals((sample.sampleIndex() > 0 ? 1 : 0) + (final_ ? 0 : 1), m.stream().filter(ChatMessage::callsContinued).count());
    }
    assertEquals(13, trainedIn.size(), "every turn trained: " + trainedIn);
    assertTrue(trainedIn.values().stream().allMatch(n -> n == 1), "and only once: " + trainedIn);
    ChatMessage end = samples.get(samples.size() - 1).messages().get(samples.get(samples.size() - 1).messages().size() - 1);
    assertEquals("Ported, all twelve steps done.", end.text());
  }

  @Test
  void anInterruptedTurnIsShownButNotTrained() {
    ChatMessage stop = user("[Request interrupted by user for tool use]").toBuilder().setInterrupted(true).build();
    List<Sample> samples =
        windows(
            10_000, user("clean up"), call("t1", "rm -rf build"), reply("t1", "rejected"), stop, user("keep build, remove tmp"),
            call("t2", "rm -rf tmp"), reply("t2", ""), answer("Removed tmp; build stays."));

    assertEquals(1, samples.size());
    List<ChatMessage> m = samples.get(0).messages();
    assertTrue(m.get(2).context(), "the interrupted call is context");
    assertTrue(m.get(3).text().contains("keep build, remove tmp"));
    assertTrue(m.get(4).trained() && m.get(6).trained());
    assertEquals(1, counters.get(StatKeys.notTrained("interrupted")));
  }

  @Test
  void turnsNobodyTrainsNeverCrowdOutOneThatIsTrained() {
    List<ChatMessage> messages = new ArrayList<>(List.of(user("tidy up")));
    for (int i = 0; i < 20; i++) {
      messages.add(call("t" + i, "rm -rf dir" + i));
      messages.add(reply("t" + i, "y".repeat(3_000)).toBuilder().setInterrupted(true).build());
    }
    messages.add(answer("Left everything as it was, as you asked."));
    long budget = TokenEstimate.of(ChatMessage.system(GtRole.MAYOR.systemPrompt())) + 1_500;

    List<Sample> samples = windows(budget, messages.toArray(new ChatMessage[0]));

    assertEquals(1, samples.size());
    Sample last = samples.get(0);
    assertEquals("Left everything as it was, as you asked.", last.messages().get(last.messages().size() - 1).text());
    assertTrue(last.estTokens() <= budget, last.estTokens() + " > " + budget);
    assertEquals(20, counters.get(StatKeys.notTrained("interrupted")));
  }

  @Test
  void aTurnTooBigToCarryWholeIsCarriedShrunkOrNotAtAll() {
    ChatMessage write =
        ChatMessage.assistant("", List.of(ToolCall.create("w1", "Write", "{\"content\":\"" + "z".repeat(6_000) + "\"}")), 0L);
    long budget = TokenEstimate.of(ChatMessage.system(GtRole.MAYOR.systemPrompt())) + 1_200;

    List<Sample> samples =
        windows(budget, user("write it"), write, reply("w1", "ok"), call("t1", "ls"), reply("t1", "a b"), answer("Written and listed."));

    Sample after = samples.get(samples.size() - 1);
    assertTrue(after.estTokens() <= budget, after.estTokens() + " > " + budget);
    assertEquals("Written and listed.", after.messages().get(after.messages().size() - 1).text());
  }

  @Test
  void aWindowThatEditsCarriesTheReadThatShowsTheLines() {
    ChatMessage read =
        ChatMessage.assistant("", List.of(ToolCall.create("r1", "Read", "{\"file_path\":\"/a.py\"}")), 0L);
    ChatMessage edit =
        ChatMessage.assistant(
            "", List.of(ToolCall.create("e1", "Edit",
                "{\"file_path\":\"/a.py\",\"old_string\":\"def f():\\n    return 1\",\"new_string\":\"def f():\\n    return 2\"}")), 0L);
    List<ChatMessage> messages = new ArrayList<>(List.of(user("make f return 2"), read,
        ChatMessage.toolReply(read.toolCalls().get(0), "     1\u2192def f():\n     2\u2192    return 1\n", false, 0L)));
    for (int i = 0; i < 8; i++) {
      messages.add(call("t" + i, "look " + i));
      messages.add(reply("t" + i, ("unrelated " + i + "\n").repeat(30)));
    }
    messages.add(edit);
    messages.add(reply("e1", "ok"));
    messages.add(answer("f returns 2 now."));
    long budget = TokenEstimate.of(ChatMessage.system(GtRole.MAYOR.systemPrompt())) + 500;

    List<Sample> samples = windows(budget, messages.toArray(new ChatMessage[0]));

    Sample withEdit =
        samples.stream().filter(s -> s.messages().stream().anyMatch(m -> m.trained() && m.toolCalls().stream()
            .anyMatch(c -> c.id().equals("e1")))).findFirst().orElseThrow();
    assertTrue(withEdit.sampleIndex() > 0, "the edit is in a later window");
    assertTrue(withEdit.messages().stream().anyMatch(m -> m.context() && m.toolCalls().get(0).id().equals("r1")),
        "its read comes along as context");
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
