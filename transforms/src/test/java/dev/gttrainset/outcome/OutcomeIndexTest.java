package dev.gttrainset.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.SessionOutcome;
import dev.gttrainset.role.TownLayout;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutcomeIndexTest {
  private static final long MINUTE = 60_000L;

  private static final Map<String, RoleTag> ROLES =
      Map.of(
          "toast-1", RoleTag.create(GtRole.POLECAT, "gastown", "toast", "cwd"),
          "nux-1", RoleTag.create(GtRole.POLECAT, "gastown", "nux", "cwd"),
          "joe-1", RoleTag.create(GtRole.CREW, "gastown", "joe", "cwd"),
          "mayor-1", RoleTag.create(GtRole.MAYOR, "", "", "cwd"),
          "deacon-1", RoleTag.create(GtRole.DEACON, "", "", "cwd"));

  private static ConversationFacts main(String session, long first, long last, long interruptions) {
    return ConversationFacts.create(session, "0", true, "", "", "", first, last, interruptions, 0, 100, List.of());
  }

  private static final List<ConversationFacts> FACTS =
      List.of(
          main("toast-1", 0, 60 * MINUTE, 0),
          main("nux-1", 0, 60 * MINUTE, 0),
          main("joe-1", 0, 60 * MINUTE, 2),
          // A subagent of joe's session: its tokens are the session's too.
          ConversationFacts.create("joe-1", "1agent-a1", false, "", "", "", 0, 10 * MINUTE, 0, 0, 250, List.of()),
          main("mayor-1", 0, 60 * MINUTE, 0),
          main("deacon-1", 0, 60 * MINUTE, 0));

  private static final TownLayout LAYOUT = TownLayout.create(List.of(), List.of("gastown"), List.of("gt=gastown"));

  private static GtRecord event(String type, String actor, long at) {
    return GtRecord.builder(GtRecord.EVENTS, type).setActor(actor).setTimestampMillis(at).build();
  }

  private static List<GtRecord> signals() {
    return List.of(
        event("done", "gastown/polecats/toast", 50 * MINUTE).toBuilder().setBead("gt-abc").setBranch("polecat/toast-abc").build(),
        // Hours later, the refinery merges the branch: it is toast's session's work.
        event("merged", "gastown/refinery", 300 * MINUTE).toBuilder().setWorker("toast").setBranch("polecat/toast-abc").build(),
        event("done", "gastown/polecats/nux", 40 * MINUTE).toBuilder().setBranch("polecat/nux-x").build(),
        event("escalation_sent", "gastown/witness", 45 * MINUTE).toBuilder().setStatus("gastown/polecats/nux").build(),
        GtRecord.builder(GtRecord.OTEL_LOGS, "log").setSessionId("joe-1").setStatus("DEFERRED").setTimestampMillis(59 * MINUTE).build(),
        GtRecord.builder(GtRecord.METRICS, "claude_code_token_usage_tokens_total").setGtSession("hq-mayor").setAmount(1200).setTimestampMillis(30 * MINUTE).build(),
        GtRecord.builder(GtRecord.METRICS, "claude_code_token_usage_tokens_total").setGtSession("hq-mayor").setAmount(300).setTimestampMillis(31 * MINUTE).build(),
        GtRecord.builder(GtRecord.METRICS, "claude_code_cost_usage_USD_total").setSessionId("mayor-1").setAmount(270_000).build(),
        event("session_death", "daemon", 20 * MINUTE).toBuilder().setStatus("deacon").build(),
        event("handoff", "deacon", 10 * MINUTE),
        GtRecord.builder(GtRecord.BEADS, "bead").setBead("gt-abc").setStatus("closed").build(),
        // Nobody of this name ran then.
        event("done", "gastown/polecats/slit", 50 * MINUTE));
  }

  @Test
  void eachSessionGetsItsMostDecisiveSignalWhateverTheOrder() {
    OutcomeIndex index = new OutcomeIndex(ROLES, FACTS, signals(), LAYOUT);
    Map<String, SessionOutcome> outcomes = index.outcomes();

    SessionOutcome toast = outcomes.get("toast-1");
    assertEquals("events:merged", toast.outcomeSignal());
    assertEquals(1.0, toast.outcomeValue());
    assertEquals("gt-abc", toast.bead());
    assertEquals("closed", toast.beadStatus());
    // An escalation about nux outranks its own claim to be done.
    assertEquals("events:escalation_sent", outcomes.get("nux-1").outcomeSignal());
    assertEquals("otel_logs:DEFERRED", outcomes.get("joe-1").outcomeSignal());
    assertEquals(2, outcomes.get("joe-1").interruptions());
    assertEquals(350, outcomes.get("joe-1").outputTokens());
    assertEquals(1500, outcomes.get("mayor-1").metricTokens());
    assertEquals(270_000, outcomes.get("mayor-1").metricCostMicros());
    assertEquals("", outcomes.get("mayor-1").outcomeSignal());
    // Its death outranks the handoff before it.
    assertEquals("events:session_death", outcomes.get("deacon-1").outcomeSignal());
    assertEquals(1L, index.counters().get(StatKeys.outcomeRecords(GtRecord.EVENTS, "unmatched")));

    for (int seed = 0; seed < 5; seed++) {
      List<GtRecord> shuffled = new ArrayList<>(signals());
      Collections.shuffle(shuffled, new Random(seed));
      assertEquals(outcomes, new OutcomeIndex(ROLES, FACTS, shuffled, LAYOUT).outcomes(), "seed " + seed);
    }
  }

  @Test
  void aVerdictFindsTheSessionThatSubmittedTheBranchHoursLater() {
    Map<String, RoleTag> roles = Map.of(
        "toast-1", RoleTag.create(GtRole.POLECAT, "gastown", "toast", "cwd"),
        "toast-2", RoleTag.create(GtRole.POLECAT, "gastown", "toast", "cwd"),
        "nux-1", RoleTag.create(GtRole.POLECAT, "gastown", "nux", "cwd"));
    List<ConversationFacts> facts = List.of(
        main("toast-1", 0, 60 * MINUTE, 0), main("toast-2", 120 * MINUTE, 200 * MINUTE, 0), main("nux-1", 0, 30 * MINUTE, 0));
    List<GtRecord> signals = List.of(
        // The branch was done by toast-1, handed on, and done again by toast-2: the merge is toast-2's.
        event("done", "gastown/polecats/toast", 55 * MINUTE).toBuilder().setBranch("polecat/toast-abc").build(),
        event("done", "gastown/polecats/toast", 195 * MINUTE).toBuilder().setBranch("polecat/toast-abc").build(),
        event("merged", "gastown/refinery", 400 * MINUTE).toBuilder().setWorker("toast").setBranch("polecat/toast-abc").build(),
        // No done named nux's branch; the refinery's verdict comes five hours after nux-1 ended.
        event("merge_failed", "gastown/refinery", 330 * MINUTE).toBuilder().setWorker("nux").setBranch("polecat/nux-q").build());

    Map<String, SessionOutcome> outcomes = new OutcomeIndex(roles, facts, signals, LAYOUT).outcomes();
    assertEquals("events:done", outcomes.get("toast-1").outcomeSignal());
    assertEquals("events:merged", outcomes.get("toast-2").outcomeSignal());
    assertEquals("events:merge_failed", outcomes.get("nux-1").outcomeSignal());
  }

  @Test
  void sinceSpring2026VerdictsComeFromMergeRequestsMailNudgesAndRunRecords() {
    Map<String, RoleTag> roles = Map.of(
        "toast-1", RoleTag.create(GtRole.POLECAT, "gastown", "toast", "cwd"),
        "nux-1", RoleTag.create(GtRole.POLECAT, "gastown", "nux", "cwd"),
        "slit-1", RoleTag.create(GtRole.POLECAT, "gastown", "slit", "cwd"),
        "ace-1", RoleTag.create(GtRole.POLECAT, "gastown", "ace", "cwd"),
        "dag-1", RoleTag.create(GtRole.POLECAT, "gastown", "dag", "cwd"),
        "witness-1", RoleTag.create(GtRole.WITNESS, "gastown", "", "cwd"));
    // ace's POLECAT_DONE reached the witness's session, typed in as it ran.
    GtRecord aceDone = GtRecord.builder(GtRecord.TRANSCRIPT, "polecat_done").setWorker("ace").setReason("COMPLETED").setTimestampMillis(61 * MINUTE).build();
    List<ConversationFacts> facts = List.of(
        main("toast-1", 0, 60 * MINUTE, 0), main("nux-1", 0, 60 * MINUTE, 0),
        main("slit-1", 0, 60 * MINUTE, 0), main("ace-1", 0, 60 * MINUTE, 0), main("dag-1", 0, 60 * MINUTE, 0),
        ConversationFacts.create("witness-1", "0", true, "", "", "", 50 * MINUTE, 70 * MINUTE, 0, 0, 0, List.of(aceDone)));
    GtRecord.Builder mergeRequest = GtRecord.builder(GtRecord.BEADS, "merge_request").setStatus("closed").setTimestampMillis(59 * MINUTE);
    List<GtRecord> signals = List.of(
        // toast's merge request was merged; its done event was pruned, the worker names it.
        mergeRequest.setBead("gt-abc").setWorker("toast").setRig("gastown").setReason("merged").build(),
        // The daemon reaped toast idle after its gt done: no failure.
        event("session_death", "daemon", 75 * MINUTE).toBuilder().setGtSession("gt-toast").setReason("idle after gt done").build(),
        // nux exited COMPLETED by its own log (tied to it through run.id), but the refinery rejected the work.
        GtRecord.builder(GtRecord.OTEL_LOGS, "agent.event").setSessionId("nux-1").setRunId("run-n").setTimestampMillis(MINUTE).build(),
        GtRecord.builder(GtRecord.OTEL_LOGS, "done").setGtSession("gt-nux").setRunId("run-n").setStatus("COMPLETED").setTimestampMillis(59 * MINUTE).build(),
        mergeRequest.setBead("gt-def").setWorker("nux").setRig("").setReason("rejected").build().toBuilder().setBead("gt-def").build(),
        // slit: only the refinery's mail to the witness, hours later.
        event("mail", "gastown/refinery", 300 * MINUTE).toBuilder().setStatus("gastown/witness").setWorker("slit").setReason("fix_needed").build(),
        // dag: the refinery's MERGE_FAILED nudge to the polecat, naming the branch dag's done named.
        event("done", "gastown/polecats/dag", 58 * MINUTE).toBuilder().setBranch("polecat/dag-q").build(),
        event("nudge", "gastown/refinery", 200 * MINUTE).toBuilder().setStatus("gastown/dag").setBranch("polecat/dag-q").setReason("merge_failed").build());

    Map<String, SessionOutcome> outcomes = new OutcomeIndex(roles, facts, signals, LAYOUT).outcomes();
    assertEquals("beads:merge_request:merged", outcomes.get("toast-1").outcomeSignal());
    assertEquals("beads:merge_request:rejected", outcomes.get("nux-1").outcomeSignal());
    assertEquals("events:mail:fix_needed", outcomes.get("slit-1").outcomeSignal());
    assertEquals("transcript:polecat_done:completed", outcomes.get("ace-1").outcomeSignal());
    assertEquals("events:nudge:merge_failed", outcomes.get("dag-1").outcomeSignal());
    assertTrue(outcomes.get("toast-1").outcomeValue() > outcomes.get("nux-1").outcomeValue());
  }

  @Test
  void aCrashIsAFailureAndAReapOrAShutdownIsNot() {
    assertEquals("events:session_death", OutcomeRules.signalOf(event("session_death", "daemon", 0).toBuilder().setReason("zombie cleanup").build()));
    assertEquals("", OutcomeRules.signalOf(event("session_death", "daemon", 0).toBuilder().setReason("idle after gt done").build()));
    assertEquals("", OutcomeRules.signalOf(event("session_death", "gt", 0).toBuilder().setReason("user shutdown").build()));
  }
}
