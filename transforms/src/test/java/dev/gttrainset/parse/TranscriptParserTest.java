package dev.gttrainset.parse;

import static dev.gttrainset.testing.Transcript.bash;
import static dev.gttrainset.testing.Transcript.text;
import static dev.gttrainset.testing.Transcript.thinking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.Transcript;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TranscriptParserTest {
  private static ParsedTranscript parse(String path, List<String> lines) {
    TranscriptParser parser = new TranscriptParser(TranscriptPath.of(path));
    lines.forEach(parser::accept);
    return parser.finish();
  }

  private static List<String> roles(Conversation conversation) {
    return conversation.messages().stream().map(ChatMessage::role).collect(Collectors.toList());
  }

  @Test
  void mergesTheLinesOfOneResponseAndPutsEachResultAfterItsCall() {
    // Claude Code writes a response one block per line; a parallel call's result can land between.
    Transcript t =
        Transcript.session("s1")
            .user("check hook and mail")
            .assistant("msg_1", thinking("hook first"), text("Checking."), bash("toolu_a", "gt hook"))
            .toolResult("toolu_a", "nothing hooked")
            .assistant("msg_1", bash("toolu_b", "gt mail inbox"))
            .toolResult("toolu_b", "2 unread")
            .assistant("msg_2", text("Nothing needs me."));

    Conversation conversation = parse("p/s1.jsonl", t.lines()).conversations().get(0);

    assertEquals(List.of("user", "assistant", "tool", "tool", "assistant"), roles(conversation));
    ChatMessage merged = conversation.messages().get(1);
    assertEquals("Checking.", merged.text());
    assertEquals("hook first", merged.thinking());
    assertEquals(List.of("toolu_a", "toolu_b"), merged.toolCalls().stream().map(c -> c.id()).collect(Collectors.toList()));
    assertEquals("{\"command\":\"gt mail inbox\"}", merged.toolCalls().get(1).arguments());
    assertEquals("toolu_a", conversation.messages().get(2).toolCallId());
    assertEquals("Bash", conversation.messages().get(2).toolName());
    assertEquals("2 unread", conversation.messages().get(3).text());
  }

  @Test
  void everyLineIsUsedSkippedOrADeadLetter() {
    Transcript t =
        Transcript.session("s1")
            .record("file-history-snapshot")
            .record("progress")
            .user("hello")
            .raw("")
            .raw("{not json")
            .raw("42")
            .raw("{\"no\":\"type\"}")
            .raw("{\"type\":\"user\",\"message\":\"a string, not a message\"}")
            .record("a-type-from-the-future")
            .assistant("msg_1", text("hi"));

    ParsedTranscript parsed = parse("p/s1.jsonl", t.lines());

    var c = parsed.counters();
    assertEquals(10, c.get(StatKeys.LINES_READ));
    assertEquals(2, c.get(StatKeys.LINES_USED));
    assertEquals(3, c.get(StatKeys.LINES_DEAD_LETTERS));
    assertEquals(1, c.get(StatKeys.skipped("progress")));
    assertEquals(1, c.get(StatKeys.skipped("file-history-snapshot")));
    assertEquals(1, c.get(StatKeys.skipped("blank")));
    assertEquals(1, c.get(StatKeys.skipped("user-without-content")));
    assertEquals(1, c.get(StatKeys.skipped("a-type-from-the-future")));
    assertEquals(
        List.of("5 invalid-json", "6 not-an-object", "7 missing-type"),
        parsed.deadLetters().stream().map(d -> d.line() + " " + d.reason()).collect(Collectors.toList()));
    DeadLetter first = parsed.deadLetters().get(0);
    assertEquals("p/s1.jsonl", first.file());
    assertEquals("{not json", first.excerpt());
  }

  @Test
  void aRepeatedRecordCountsOnce() {
    Transcript t = Transcript.session("s1").user("hello").assistant("msg_1", text("hi"));
    List<String> lines = t.lines();
    ParsedTranscript parsed =
        parse("p/s1.jsonl", List.of(lines.get(0), lines.get(1), lines.get(1)));

    assertEquals(1, parsed.counters().get(StatKeys.skipped("duplicate-uuid")));
    assertEquals(2, parsed.conversations().get(0).messages().size());
  }

  @Test
  void aByteOrderMarkDoesNotSpoilTheFirstLine() {
    ParsedTranscript parsed =
        parse("p/s1.jsonl", List.of("\uFEFF" + Transcript.session("s1").user("hi").lines().get(0)));
    assertEquals(1, parsed.counters().get(StatKeys.LINES_USED));
  }

  @Test
  void unansweredCallsAndOrphanResultsAreDroppedAndCounted() {
    Transcript t =
        Transcript.session("s1")
            .user("go")
            .toolResult("toolu_nobody", "orphan")
            .assistant("msg_1", text("Trying."), bash("toolu_x", "make"))
            .user("stop")
            .assistant("msg_2", text("Stopped."));

    ParsedTranscript parsed = parse("p/s1.jsonl", t.lines());
    Conversation conversation = parsed.conversations().get(0);

    assertEquals(List.of("user", "assistant", "user", "assistant"), roles(conversation));
    assertTrue(conversation.messages().get(1).toolCalls().isEmpty());
    assertEquals(1, parsed.counters().get(StatKeys.UNANSWERED_TOOL_CALLS));
    assertEquals(1, parsed.counters().get(StatKeys.ORPHAN_TOOL_RESULTS));
  }

  @Test
  void subagentFilesBelongToTheirParentSession() {
    Transcript agent =
        Transcript.session("parent-uuid").agent("a1b2").user("find callers").assistant("msg_1", text("3 callers"));

    Conversation conversation =
        parse("-home-u-gt-mayor/parent-uuid/subagents/agent-a1b2.jsonl", agent.lines()).conversations().get(0);

    assertEquals("parent-uuid", conversation.sessionId());
    assertEquals("a1b2", conversation.agentId());
    assertTrue(conversation.sidechain());
    assertEquals("-home-u-gt-mayor", conversation.projectDir());
  }

  @Test
  void sidechainLinesInsideASessionFileAreAConversationOfTheirOwn() {
    Transcript main = Transcript.session("s1").user("do it").assistant("msg_1", text("Done."));
    Transcript side = Transcript.session("s1").agent("side1").user("sub task").assistant("msg_2", text("Sub done."));
    List<String> lines = new java.util.ArrayList<>(main.lines());
    lines.addAll(side.lines());

    List<Conversation> conversations = parse("p/s1.jsonl", lines).conversations();

    assertEquals(2, conversations.size());
    assertEquals("", conversations.get(0).agentId());
    assertEquals("side1", conversations.get(1).agentId());
    assertEquals("s1", conversations.get(1).sessionId());
  }

  @Test
  void marksApiErrorsAndInterruptions() {
    Transcript t =
        Transcript.session("s1")
            .user("go")
            .apiError("API Error: 529 overloaded")
            .user("[Request interrupted by user]")
            .assistant("msg_1", text("ok"));

    List<ChatMessage> messages = parse("p/s1.jsonl", t.lines()).conversations().get(0).messages();

    assertTrue(messages.get(1).apiError());
    assertTrue(messages.get(2).interrupted());
    assertFalse(messages.get(3).apiError());
  }

  @Test
  void theRecordsSayWhoseSessionItIsAndTheNameOnlyWhenTheyDoNot() {
    String line = "{\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[\"plain string block\"]}}";
    Conversation unnamed = parse("p/abc.jsonl.gz", List.of(line)).conversations().get(0);
    assertEquals("abc", unnamed.sessionId());
    assertEquals("p", unnamed.projectDir());
    assertEquals("plain string block", unnamed.messages().get(0).text());

    // An export keeps each checkpoint as full.jsonl: the records name the session.
    Conversation exported =
        parse("cli/10/a740e118e0/0/full.jsonl", Transcript.session("s-42").user("a").assistant("m", text("b")).lines())
            .conversations().get(0);
    assertEquals("s-42", exported.sessionId());

    // A resumed session copies records of the one before: the file is the session it was last written for.
    List<String> lines = new ArrayList<>(Transcript.session("old-id").user("a").assistant("m", text("b")).lines());
    lines.addAll(Transcript.session("new-id").user("c").assistant("m2", text("d")).lines());
    ParsedTranscript resumed = parse("p/whatever.jsonl", lines);
    assertEquals(1, resumed.conversations().size());
    assertEquals("new-id", resumed.conversations().get(0).sessionId());
    assertEquals(2, resumed.counters().get(StatKeys.RECORDS_NAMING_ANOTHER_SESSION));
  }

  @Test
  void twoRecordsGluedOnOneLineAreADeadLetter() {
    List<String> lines = Transcript.session("s1").user("a").assistant("m", text("b")).lines();
    ParsedTranscript parsed = parse("p/s1.jsonl", List.of(lines.get(0) + " " + lines.get(1)));
    assertEquals(1, parsed.counters().get(StatKeys.LINES_DEAD_LETTERS));
    assertEquals("invalid-json", parsed.deadLetters().get(0).reason());
  }

  @Test
  void aCompactionAgentIsSkippedLineByLine() {
    Transcript agent = Transcript.session("s1").agent("acompact-1").user("summarise").assistant("m", text("summary"));
    ParsedTranscript parsed = parse("p/s1/subagents/agent-acompact-1.jsonl", agent.lines());
    assertTrue(parsed.conversations().isEmpty());
    assertEquals(2, parsed.counters().get(StatKeys.skipped("compaction-agent")));
  }

  @Test
  void aCallLeftWithoutAReplyLeavesTheTurnOpen() {
    Transcript t = Transcript.session("s1").user("run the tests").assistant("m1", text("Running them now."), bash("t1", "make test"));
    ChatMessage last = parse("p/s1.jsonl", t.lines()).conversations().get(0).messages().get(1);
    assertTrue(last.toolCalls().isEmpty());
    assertTrue(last.callsDropped(), "an announced action that never ran");
  }

  @Test
  void keepsTheWorkingDirectoryAndTimeRange() {
    Transcript t = Transcript.session("s1").cwd("/home/u/gt/deacon").user("a").assistant("m", text("b"));
    Conversation conversation = parse("p/s1.jsonl", t.lines()).conversations().get(0);
    assertEquals("/home/u/gt/deacon", conversation.cwd());
    assertEquals(Timestamps.parseMillis("2026-02-25T09:00:00Z"), conversation.firstTimestampMillis());
    assertEquals(Timestamps.parseMillis("2026-02-25T09:00:05Z"), conversation.lastTimestampMillis());
  }
}
