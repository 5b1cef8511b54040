package dev.gttrainset.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostMatcherTest {
  private static final long MINUTE = 60_000L;

  private static GtRecord cost(String session, String role, String worker, long micros, long at) {
    return GtRecord.builder(GtRecord.COSTS, "cost")
        .setActor(session)
        .setRole(role)
        .setWorker(worker)
        .setCostMicros(micros)
        .setTimestampMillis(at)
        .build();
  }

  @Test
  void keysMeetAcrossTheTwoSpellings() {
    assertEquals(
        CostMatcher.keyOf(RoleTag.create(GtRole.CREW, "gastown", "joe", "cwd")),
        CostMatcher.keyOf(cost("gt-gastown-crew-joe", "crew", "Joe", 1, 0)));
    // Gas Town files boot's cost under the deacon; the session name tells.
    assertEquals(
        CostMatcher.keyOf(RoleTag.create(GtRole.BOOT, "", "", "cwd")),
        CostMatcher.keyOf(cost("hq-boot", "deacon", "deacon", 1, 0)));
    assertEquals(
        CostMatcher.keyOf(RoleTag.create(GtRole.DEACON, "", "", "cwd")),
        CostMatcher.keyOf(cost("hq-deacon", "deacon", "deacon", 1, 0)));
  }

  @Test
  void theLatestRecordWhileASessionRanIsItsCost() {
    List<SessionSpan> sessions =
        List.of(
            SessionSpan.create("morning", GtRole.MAYOR, "", 0, 30 * MINUTE),
            SessionSpan.create("noon", GtRole.MAYOR, "", 180 * MINUTE, 200 * MINUTE));
    List<GtRecord> costs =
        List.of(
            cost("hq-mayor", "mayor", "mayor", 400_000, 10 * MINUTE),
            cost("hq-mayor", "mayor", "mayor", 900_000, 31 * MINUTE),
            cost("hq-mayor", "mayor", "mayor", 250_000, 201 * MINUTE),
            cost("hq-mayor", "mayor", "mayor", 50_000, 600 * MINUTE));

    CostMatcher.Result result = CostMatcher.match(sessions, costs);

    assertEquals(Map.of("morning", 900_000L, "noon", 250_000L), result.costBySession());
    assertEquals(3, result.matchedRecords());
    assertEquals(1, result.unmatchedRecords());
  }

  @Test
  void atAHandoffTheRunningSessionWinsOverTheOneThatJustEnded() {
    List<SessionSpan> sessions =
        List.of(
            SessionSpan.create("before", GtRole.MAYOR, "", 0, 60 * MINUTE),
            SessionSpan.create("after", GtRole.MAYOR, "", 61 * MINUTE, 180 * MINUTE));
    CostMatcher.Result result =
        CostMatcher.match(sessions, List.of(cost("hq-mayor", "mayor", "mayor", 10_000, 63 * MINUTE)));
    assertEquals(Map.of("after", 10_000L), result.costBySession());
  }

  @Test
  void aRecordOfAnotherRigIsNotTheSessions() {
    List<SessionSpan> sessions = List.of(SessionSpan.create("w1", GtRole.WITNESS, "gastown", 0, 60 * MINUTE));
    GtRecord other = cost("gt-beads-witness", "witness", "", 10_000, 30 * MINUTE).toBuilder().setRig("beads").build();
    GtRecord same = cost("gt-gastown-witness", "witness", "", 20_000, 31 * MINUTE).toBuilder().setRig("gastown").build();
    CostMatcher.Result result = CostMatcher.match(sessions, List.of(other, same));
    assertEquals(Map.of("w1", 20_000L), result.costBySession());
    assertEquals(1, result.unmatchedRecords());
  }
}
