package dev.gttrainset.cost;

import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.parse.Timestamps;
import dev.gttrainset.role.RoleRules;
import dev.gttrainset.role.SessionNames;
import dev.gttrainset.role.TownLayout;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the Claude session an agent was running at a moment: the one a {@code costs.jsonl} record,
 * an event about an agent or a telemetry record belongs to. A cost record names a Gas Town session
 * ({@code hq-mayor}, {@code gt-gastown-crew-joe}), not a Claude session, and Gas Town writes one on
 * every stop of the agent with the session's cost so far: so a record belongs to the session of
 * the same role and worker that was running when it was written, and the latest such record holds
 * the session's cost ({@link #LATEST}).
 *
 * <p>The sessions of each role and worker are kept sorted by start, so finding a record's session
 * looks at the few that could have been running then, not at all of them.
 */
public final class AgentSessions {
  /** A stop hook runs after the session's last transcript line, not before its first. */
  static final long EARLY_MILLIS = 60_000L;

  static final long LATE_MILLIS = 15 * 60_000L;

  /** Of two records of one session, the one that holds its cost. */
  public static final Comparator<GtRecord> LATEST =
      Comparator.comparingLong(GtRecord::timestampMillis).thenComparingLong(GtRecord::costMicros);

  private static final Pattern BOOT_SESSION = Pattern.compile("(^|-)boot$");

  private static final Comparator<SessionSpan> BY_START =
      Comparator.comparingLong(SessionSpan::firstMillis).thenComparing(SessionSpan::sessionId);

  /** Sessions by join key, sorted by start; and the longest session of each key. */
  private final Map<String, List<SessionSpan>> byKey = new HashMap<>();

  private final Map<String, Long> longest = new HashMap<>();

  public AgentSessions(Collection<SessionSpan> sessions) {
    for (SessionSpan session : sessions) {
      if (session.firstMillis() == Timestamps.NONE) {
        continue;
      }
      String key = keyOf(session.role());
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(session);
      longest.merge(key, session.lastMillis() - session.firstMillis(), Math::max);
    }
    byKey.values().forEach(list -> list.sort(BY_START));
  }

  /** The join key of a tagged session: role, and the worker for crew and polecats. */
  public static String keyOf(RoleTag tag) {
    return key(tag.role(), tag.worker());
  }

  /**
   * The agent a cost record was written for: the one its session name names, in either grammar;
   * else its role and worker as written. Gas Town billed boot as the deacon until April 2026 and
   * bills dogs as {@code unknown}, but their session names ({@code hq-boot}, {@code hq-dog-alpha})
   * say who they are.
   */
  static String keyOf(GtRecord cost, TownLayout layout) {
    Optional<RoleRules.Match> agent = SessionNames.agentOf(cost.gtSession(), layout);
    if (agent.isPresent()) {
      return key(agent.get().role(), agent.get().worker());
    }
    GtRole role =
        BOOT_SESSION.matcher(cost.gtSession()).find()
            ? GtRole.BOOT
            : GtRole.fromId(cost.role().toLowerCase(Locale.ROOT));
    return key(role, cost.worker());
  }

  private static String key(GtRole role, String worker) {
    boolean named = role == GtRole.CREW || role == GtRole.POLECAT || role == GtRole.DOG;
    return role.id() + "/" + (named ? worker.toLowerCase(Locale.ROOT) : "");
  }

  /**
   * The session a record was written for: of the same rig when both name one; a session running
   * at that moment before one that ended a little earlier (at a handoff the stop hook of the new
   * session must not go to the old one); then the nearest end.
   */
  public Optional<SessionSpan> sessionOf(GtRecord cost, TownLayout layout) {
    return sessionAt(keyOf(cost, layout), cost.rig(), cost.timestampMillis());
  }

  /** The session of an agent, given by its role tag's parts, that was running at a moment. */
  public Optional<SessionSpan> sessionOf(GtRole role, String rig, String worker, long millis) {
    return sessionAt(key(role, worker), rig, millis);
  }

  /**
   * The agent's latest session to start by a moment, however long ago it ended: what a verdict on
   * its finished work (a merge hours later) is about.
   */
  public Optional<SessionSpan> lastStartedBy(GtRole role, String rig, String worker, long millis) {
    List<SessionSpan> sessions = byKey.get(key(role, worker));
    if (millis == Timestamps.NONE || sessions == null) {
      return Optional.empty();
    }
    for (int i = lastStartingBy(sessions, millis); i >= 0; i--) {
      SessionSpan s = sessions.get(i);
      if (rig.isEmpty() || s.role().rig().isEmpty() || s.role().rig().equals(rig)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  private Optional<SessionSpan> sessionAt(String key, String rig, long millis) {
    List<SessionSpan> sessions = byKey.get(key);
    if (millis == Timestamps.NONE || sessions == null) {
      return Optional.empty();
    }
    // Sessions that start after millis + EARLY cannot be it, nor those that ended too long before.
    long earliestStart = millis - LATE_MILLIS - longest.get(key);
    SessionSpan best = null;
    for (int i = lastStartingBy(sessions, millis + EARLY_MILLIS); i >= 0; i--) {
      SessionSpan s = sessions.get(i);
      if (s.firstMillis() < earliestStart) {
        break;
      }
      boolean sameRig = rig.isEmpty() || s.role().rig().isEmpty() || s.role().rig().equals(rig);
      if (sameRig && millis <= s.lastMillis() + LATE_MILLIS && (best == null || closer(millis, s, best))) {
        best = s;
      }
    }
    return Optional.ofNullable(best);
  }


  /** Whether {@code a} is a better session for a record at {@code millis} than {@code b}. */
  private static boolean closer(long millis, SessionSpan a, SessionSpan b) {
    boolean aEnded = millis > a.lastMillis();
    boolean bEnded = millis > b.lastMillis();
    if (aEnded != bEnded) {
      return !aEnded;
    }
    long aDistance = Math.abs(millis - a.lastMillis());
    long bDistance = Math.abs(millis - b.lastMillis());
    if (aDistance != bDistance) {
      return aDistance < bDistance;
    }
    return a.sessionId().compareTo(b.sessionId()) < 0;
  }

  /** The index of the last session that starts at or before {@code millis}, or -1. */
  private static int lastStartingBy(List<SessionSpan> sessions, long millis) {
    int low = 0;
    int high = sessions.size() - 1;
    int found = -1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (sessions.get(mid).firstMillis() <= millis) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return found;
  }
}
