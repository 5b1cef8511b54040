package dev.gttrainset.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.role.TownLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AgentSessionsTest {
  private static final long MINUTE = 60_000L;

  /** A costs.jsonl record of the Gas Town session {@code session}. */
  static GtRecord cost(String session, String role, String worker, long micros, long at) {
    return GtRecord.builder(GtRecord.COSTS, "cost")
        .setGtSession(session)
        .setRole(role)
        .setWorker(worker)
        .setCostMicros(micros)
        .setTimestampMillis(at)
        .build();
  }

  /** A town whose rigs gastown and beads have the beads prefixes gt and bd. */
  private static final TownLayout LAYOUT = TownLayout.create(List.of(), List.of("gastown", "beads"), List.of("gt=gastown", "bd=beads"));

  @Test
  void keysMeetAcrossTheSpellingsOfBothEras() {
    String joe = AgentSessions.keyOf(RoleTag.create(GtRole.CREW, "gastown", "joe", "cwd"));
    assertEquals(joe, AgentSessions.keyOf(cost("gt-gastown-crew-joe", "crew", "Joe", 1, 0), LAYOUT));
    assertEquals(joe, AgentSessions.keyOf(cost("gt-crew-joe", "crew", "joe", 1, 0), LAYOUT));
    String toast = AgentSessions.keyOf(RoleTag.create(GtRole.POLECAT, "beads", "toast", "cwd"));
    assertEquals(toast, AgentSessions.keyOf(cost("bd-toast", "polecat", "toast", 1, 0), LAYOUT));
    // Gas Town filed boot's cost under the deacon until April 2026, since as boot; the name tells.
    String boot = AgentSessions.keyOf(RoleTag.create(GtRole.BOOT, "", "", "cwd"));
    assertEquals(boot, AgentSessions.keyOf(cost("hq-boot", "deacon", "deacon", 1, 0), LAYOUT));
    assertEquals(boot, AgentSessions.keyOf(cost("hq-boot", "boot", "boot", 1, 0), LAYOUT));
    assertEquals(
        AgentSessions.keyOf(RoleTag.create(GtRole.DEACON, "", "", "cwd")),
        AgentSessions.keyOf(cost("hq-deacon", "deacon", "deacon", 1, 0), LAYOUT));
    // Dogs are billed as unknown, with no worker; their session name says which dog.
    String alpha = AgentSessions.keyOf(RoleTag.create(GtRole.DOG, "", "alpha", "cwd"));
    assertEquals(alpha, AgentSessions.keyOf(cost("hq-dog-alpha", "unknown", "", 1, 0), LAYOUT));
    assertTrue(!alpha.equals(AgentSessions.keyOf(cost("hq-dog-bravo", "unknown", "", 1, 0), LAYOUT)));
  }

  private static final RoleTag MAYOR = RoleTag.create(GtRole.MAYOR, "", "", "cwd");

  /** Each session's cost as the job takes it: the latest of the records that found it. */
  private static Map<String, Long> costs(List<SessionSpan> sessions, List<GtRecord> records) {
    AgentSessions matcher = new AgentSessions(sessions);
    Map<String, GtRecord> latest = new TreeMap<>();
    for (GtRecord record : records) {
      matcher
          .sessionOf(record, LAYOUT)
          .ifPresent(s -> latest.merge(s.sessionId(), record, (a, b) -> AgentSessions.LATEST.compare(a, b) >= 0 ? a : b));
    }
    Map<String, Long> costs = new TreeMap<>();
    latest.forEach((session, record) -> costs.put(session, record.costMicros()));
    return costs;
  }

  @Test
  void theLatestRecordWhileASessionRanIsItsCost() {
    List<SessionSpan> sessions =
        List.of(
            SessionSpan.create("morning", MAYOR, 0, 30 * MINUTE),
            SessionSpan.create("noon", MAYOR, 180 * MINUTE, 200 * MINUTE));
    GtRecord afterEverything = cost("hq-mayor", "mayor", "mayor", 50_000, 600 * MINUTE);
    List<GtRecord> records =
        List.of(
            cost("hq-mayor", "mayor", "mayor", 400_000, 10 * MINUTE),
            cost("hq-mayor", "mayor", "mayor", 900_000, 31 * MINUTE),
            cost("hq-mayor", "mayor", "mayor", 250_000, 201 * MINUTE),
            afterEverything);

    assertEquals(Map.of("morning", 900_000L, "noon", 250_000L), costs(sessions, records));
    assertTrue(new AgentSessions(sessions).sessionOf(afterEverything, LAYOUT).isEmpty());
  }

  @Test
  void atAHandoffTheRunningSessionWinsOverTheOneThatJustEnded() {
    List<SessionSpan> sessions =
        List.of(
            SessionSpan.create("before", MAYOR, 0, 60 * MINUTE),
            SessionSpan.create("after", MAYOR, 61 * MINUTE, 180 * MINUTE));
    assertEquals(
        Map.of("after", 10_000L), costs(sessions, List.of(cost("hq-mayor", "mayor", "mayor", 10_000, 63 * MINUTE))));
  }

  @Test
  void aLongSessionIsFoundBehindManyShortOnesThatStartedLater() {
    List<SessionSpan> sessions = new ArrayList<>();
    sessions.add(SessionSpan.create("all-day", MAYOR, 0, 24 * 60 * MINUTE));
    for (int i = 1; i <= 50; i++) {
      sessions.add(SessionSpan.create("short-" + i, MAYOR, i * 20 * MINUTE, i * 20 * MINUTE + 5 * MINUTE));
    }
    // At 23 hours the short ones are long over; only the long one is running.
    assertEquals(
        Map.of("all-day", 7L), costs(sessions, List.of(cost("hq-mayor", "mayor", "mayor", 7, 23 * 60 * MINUTE))));
  }

  @Test
  void aRecordOfAnotherRigIsNotTheSessions() {
    RoleTag witness = RoleTag.create(GtRole.WITNESS, "gastown", "", "cwd");
    List<SessionSpan> sessions = List.of(SessionSpan.create("w1", witness, 0, 60 * MINUTE));
    GtRecord other = cost("gt-beads-witness", "witness", "", 10_000, 30 * MINUTE).toBuilder().setRig("beads").build();
    GtRecord same = cost("gt-gastown-witness", "witness", "", 20_000, 31 * MINUTE).toBuilder().setRig("gastown").build();
    assertEquals(Map.of("w1", 20_000L), costs(sessions, List.of(other, same)));
    assertTrue(new AgentSessions(sessions).sessionOf(other, LAYOUT).isEmpty());
  }
}
