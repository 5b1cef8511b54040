package dev.gttrainset.cost;

import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.parse.Timestamps;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Matches {@code costs.jsonl} records to Claude sessions. A record names a Gas Town session
 * ({@code hq-mayor}, {@code gt-gastown-crew-joe}), not a Claude session, and Gas Town writes one on
 * every stop of the agent with the session's cost so far: so a record belongs to the session of
 * the same role and worker that was running when it was written, and the latest such record holds
 * the session's cost.
 */
public final class CostMatcher {
  /** A stop hook runs after the session's last transcript line, not before its first. */
  static final long EARLY_MILLIS = 60_000L;

  static final long LATE_MILLIS = 15 * 60_000L;

  private static final Pattern BOOT_SESSION = Pattern.compile("(^|-)boot$");

  private CostMatcher() {}

  /** The join key of a tagged session: role, and the worker for crew and polecats. */
  public static String keyOf(RoleTag tag) {
    return key(tag.role(), tag.worker());
  }

  /**
   * The join key of a cost record. Gas Town files boot under the deacon ({@code hq-boot} gets role
   * deacon), so the session name decides for boot.
   */
  public static String keyOf(GtRecord cost) {
    GtRole role =
        BOOT_SESSION.matcher(cost.actor()).find()
            ? GtRole.BOOT
            : GtRole.fromId(cost.role().toLowerCase(Locale.ROOT));
    return key(role, cost.worker());
  }

  private static String key(GtRole role, String worker) {
    boolean named = role == GtRole.CREW || role == GtRole.POLECAT;
    return role.id() + "/" + (named ? worker.toLowerCase(Locale.ROOT) : "");
  }

  /** Each session's cost in micro-dollars, for the sessions that a record matched. */
  public static Result match(List<SessionSpan> sessions, List<GtRecord> costs) {
    Map<String, GtRecord> latest = new TreeMap<>();
    long unmatched = 0;
    for (GtRecord cost : costs) {
      Optional<SessionSpan> session = sessionRunningAt(sessions, cost);
      if (session.isEmpty()) {
        unmatched++;
        continue;
      }
      latest.merge(session.get().sessionId(), cost, (a, b) -> LATEST.compare(a, b) >= 0 ? a : b);
    }
    Map<String, Long> costBySession = new TreeMap<>();
    latest.forEach((session, cost) -> costBySession.put(session, cost.costMicros()));
    return new Result(costBySession, costs.size() - unmatched, unmatched);
  }

  private static final Comparator<GtRecord> LATEST =
      Comparator.comparingLong(GtRecord::timestampMillis).thenComparingLong(GtRecord::costMicros);

  /**
   * The session a record was written for: of the same rig when both name one; a session running
   * at that moment before one that ended a little earlier (at a handoff the stop hook of the new
   * session must not go to the old one); then the nearest end.
   */
  private static Optional<SessionSpan> sessionRunningAt(List<SessionSpan> sessions, GtRecord cost) {
    long millis = cost.timestampMillis();
    if (millis == Timestamps.NONE) {
      return Optional.empty();
    }
    return sessions.stream()
        .filter(s -> s.firstMillis() != Timestamps.NONE)
        .filter(s -> cost.rig().isEmpty() || s.rig().isEmpty() || s.rig().equals(cost.rig()))
        .filter(s -> millis >= s.firstMillis() - EARLY_MILLIS && millis <= s.lastMillis() + LATE_MILLIS)
        .min(
            Comparator.comparing((SessionSpan s) -> millis > s.lastMillis())
                .thenComparingLong(s -> Math.abs(millis - s.lastMillis()))
                .thenComparing(SessionSpan::sessionId));
  }

  /** Costs per session, and how many records found a session. */
  public static final class Result {
    private final Map<String, Long> costBySession;
    private final long matchedRecords;
    private final long unmatchedRecords;

    Result(Map<String, Long> costBySession, long matchedRecords, long unmatchedRecords) {
      this.costBySession = costBySession;
      this.matchedRecords = matchedRecords;
      this.unmatchedRecords = unmatchedRecords;
    }

    public Map<String, Long> costBySession() {
      return costBySession;
    }

    public long matchedRecords() {
      return matchedRecords;
    }

    public long unmatchedRecords() {
      return unmatchedRecords;
    }
  }
}
