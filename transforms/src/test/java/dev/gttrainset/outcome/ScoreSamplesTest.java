package dev.gttrainset.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.SessionOutcome;
import dev.gttrainset.model.ToolCall;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreSamplesTest {
  private static final ToolCall LS = ToolCall.create("t1", "Bash", "{\"command\":\"ls\"}");
  private static final ToolCall CAT = ToolCall.create("t2", "Bash", "{\"command\":\"cat x\"}");

  /** Two tool calls, the second of which failed. */
  private static Sample sample() {
    return Sample.builder()
        .setSessionId("s1")
        .setSourceFile("p/s1.jsonl")
        .setRole(RoleTag.create(GtRole.POLECAT, "gastown", "toast", RoleTag.SIGNAL_CWD))
        .setSampleIndex(0)
        .setFirstTimestampMillis(0)
        .setMessages(List.of(
            ChatMessage.user("look", 0),
            ChatMessage.assistant("", List.of(LS, CAT), 0),
            ChatMessage.toolReply(LS, "x", false, 0),
            ChatMessage.toolReply(CAT, "cat: x: No such file", true, 0),
            ChatMessage.assistant("x is missing", List.of(), 0)))
        .setEstTokens(10)
        .build();
  }

  @Test
  void componentsComeFromToolResultsTroublesAndTheTownsVerdict() {
    SessionOutcome session = SessionOutcome.builder()
        .setOutcomeSignal("events:merge_failed").setOutcomeValue(0.1)
        .setBead("gt-abc").setBeadStatus("blocked")
        .setInterruptions(1).setOutputTokens(900)
        .build();
    Sample scored = ScoreSamples.scored(ScoreSamples.withSession(sample(), session));

    assertEquals(0.5, scored.scoreComponents().get(OutcomeRules.TOOL_SUCCESS).value());
    assertEquals("transcript:is_error", scored.scoreComponents().get(OutcomeRules.TOOL_SUCCESS).signal());
    assertEquals(0.5, scored.scoreComponents().get(OutcomeRules.CLEAN_SESSION).value(), "one interruption halves it");
    assertEquals("events:merge_failed", scored.scoreComponents().get(OutcomeRules.OUTCOME).signal());
    assertEquals(0.1, scored.scoreComponents().get(OutcomeRules.OUTCOME).value());
    assertEquals("beads:blocked", scored.scoreComponents().get(OutcomeRules.BEAD).signal());
    assertEquals(BigDecimal.valueOf(2), scored.outcomeNumbers().get("tool_calls"));
    assertEquals(BigDecimal.valueOf(1), scored.outcomeNumbers().get("tool_errors"));
    assertEquals(BigDecimal.valueOf(900), scored.outcomeNumbers().get("output_tokens"));
    assertFalse(scored.outcome().containsKey("tool_calls"), "numbers are carried as numbers");
    assertEquals("gt-abc", scored.outcome().get("bead"));
    // (0.25 * 0.5 + 0.15 * 0.5 + 0.4 * 0.1 + 0.2 * 0.2) / 1.0
    assertEquals(0.28, scored.score());
  }

  @Test
  void beadsAreKeptOnlyAsIdsAndStatusWords() {
    SessionOutcome free = SessionOutcome.builder().setBead("fix the login for jane doe").setBeadStatus("Closed by Jane").build();
    Sample scored = ScoreSamples.scored(ScoreSamples.withSession(sample(), free));
    assertFalse(scored.outcome().containsKey("bead"), scored.outcome()::toString);
    assertFalse(scored.outcome().containsKey("bead_status"), scored.outcome()::toString);
    assertFalse(scored.scoreComponents().containsKey(OutcomeRules.BEAD));
  }

  @Test
  void withoutASignalThereIsNoComponentForIt() {
    Sample scored = ScoreSamples.scored(ScoreSamples.withSession(sample(), SessionOutcome.builder().build()));
    assertFalse(scored.scoreComponents().containsKey(OutcomeRules.OUTCOME));
    assertFalse(scored.scoreComponents().containsKey(OutcomeRules.BEAD));
    assertFalse(scored.outcome().containsKey("signal"));
    assertFalse(scored.outcome().containsKey("metric_tokens"), "no metric series, no metric facts");
    assertEquals(scored.scoreComponents().keySet(), java.util.Set.of(OutcomeRules.TOOL_SUCCESS, OutcomeRules.CLEAN_SESSION));
  }
}
