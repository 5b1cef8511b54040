package dev.gttrainset.outcome;

import dev.gttrainset.cost.AgentSessions;
import dev.gttrainset.cost.SessionSpan;
import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.SessionOutcome;
import dev.gttrainset.role.RoleAddress;
import dev.gttrainset.role.RoleRules;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every session's {@link SessionOutcome}, from the town's signals: a signal names its session
 * (OpenTelemetry's {@code session_id}, a bead's {@code closed_by_session}) or an agent and a
 * moment ({@link AgentSessions}). A merge event names the polecat's branch: it belongs to the
 * session whose {@code done} event named that branch. When several signals speak of a session's
 * work, the most decisive ({@link OutcomeRules#OUTCOMES}) and then the latest decides. The result
 * does not depend on the order the signals come in.
 */
final class OutcomeIndex {
  private static final Comparator<Candidate> DECISIVE_FIRST =
      Comparator.comparingInt((Candidate c) -> c.verdict.rank())
          .thenComparing(Comparator.comparingLong((Candidate c) -> c.millis).reversed())
          .thenComparing(c -> c.signal);

  private record Candidate(String signal, OutcomeRules.Verdict verdict, long millis) {}

  private record BeadLink(String bead, long millis) {}

  /** A {@code done} event naming a branch, and the session it came from. */
  private record BranchDone(String session, long millis) {}

  /** A bead's status as of a moment; the latest wins. */
  private record BeadState(String status, long millis) {}

  private static BeadState later(BeadState a, BeadState b) {
    int byTime = Long.compare(a.millis, b.millis);
    return byTime > 0 || (byTime == 0 && a.status.compareTo(b.status) <= 0) ? a : b;
  }

  private final Map<String, SessionOutcome> outcomes = new TreeMap<>();
  private final Counters counters = new Counters();

  OutcomeIndex(Map<String, RoleTag> roles, List<ConversationFacts> conversations, Collection<GtRecord> signals) {
    List<SessionSpan> spans = new ArrayList<>();
    Map<String, long[]> troubles = new TreeMap<>();
    for (ConversationFacts facts : conversations) {
      long[] counts = troubles.computeIfAbsent(facts.sessionId(), s -> new long[3]);
      counts[0] += facts.interruptions();
      counts[1] += facts.apiErrors();
      counts[2] += facts.outputTokens();
      if (facts.isMain()) {
        RoleTag role = roles.getOrDefault(facts.sessionId(), RoleTag.unknown());
        spans.add(SessionSpan.create(facts.sessionId(), role, facts.firstTimestampMillis(), facts.lastTimestampMillis()));
      }
    }
    AgentSessions agents = new AgentSessions(spans);
    Set<String> rigs = new TreeSet<>();
    roles.values().forEach(r -> rigs.add(r.rig()));

    Map<String, List<Candidate>> verdicts = new TreeMap<>();
    Map<String, List<BeadLink>> beads = new TreeMap<>();
    Map<String, BeadState> beadStatus = new TreeMap<>();
    Map<String, Long> tokens = new TreeMap<>();
    Map<String, Long> costs = new TreeMap<>();
    Map<String, List<BranchDone>> donesOfBranch = new TreeMap<>();
    // Done events first: merges find their session by the branch a done event named.
    List<GtRecord> ordered = new ArrayList<>(signals);
    ordered.sort(Comparator.comparing((GtRecord r) -> !r.type().equals("done")));
    for (GtRecord signal : ordered) {
      Optional<String> session = sessionOf(signal, roles, agents, rigs, donesOfBranch);
      String source = signal.source();
      if (source.equals(GtRecord.BEADS)) {
        beadStatus.merge(signal.bead(), new BeadState(signal.status(), signal.timestampMillis()), OutcomeIndex::later);
      }
      if (session.isEmpty()) {
        counters.increment(StatKeys.outcomeRecords(source, source.equals(GtRecord.BEADS) ? "without_session" : "unmatched"));
        continue;
      }
      counters.increment(StatKeys.outcomeRecords(source, "matched"));
      String id = session.get();
      if (!signal.bead().isEmpty()) {
        beads.computeIfAbsent(id, s -> new ArrayList<>()).add(new BeadLink(signal.bead(), signal.timestampMillis()));
      }
      if (source.equals(GtRecord.METRICS)) {
        String name = signal.type().toLowerCase(Locale.ROOT);
        if (name.contains("token")) {
          tokens.merge(id, signal.amount(), Long::sum);
        } else if (name.contains("cost")) {
          costs.merge(id, signal.amount(), Long::sum);
        }
        continue;
      }
      String name = source.equals(GtRecord.EVENTS) ? "events:" + signal.type() : source + ":" + signal.status();
      OutcomeRules.Verdict verdict = OutcomeRules.OUTCOMES.get(name);
      if (verdict != null) {
        verdicts.computeIfAbsent(id, s -> new ArrayList<>()).add(new Candidate(name, verdict, signal.timestampMillis()));
        if (signal.type().equals("done") && !signal.branch().isEmpty()) {
          donesOfBranch.computeIfAbsent(signal.branch(), b -> new ArrayList<>()).add(new BranchDone(id, signal.timestampMillis()));
        }
      }
    }
    for (String id : roles.keySet()) {
      SessionOutcome.Builder outcome = SessionOutcome.builder();
      long[] trouble = troubles.getOrDefault(id, new long[3]);
      outcome.setInterruptions(trouble[0]).setApiErrors(trouble[1]).setOutputTokens(trouble[2]);
      verdicts.getOrDefault(id, List.of()).stream()
          .min(DECISIVE_FIRST)
          .ifPresent(best -> {
            outcome.setOutcomeSignal(best.signal).setOutcomeValue(best.verdict.value());
            counters.increment(StatKeys.outcomeSignal(best.signal));
          });
      beads.getOrDefault(id, List.of()).stream()
          .max(Comparator.comparingLong(BeadLink::millis).thenComparing(BeadLink::bead, Comparator.reverseOrder()))
          .ifPresent(link -> outcome.setBead(link.bead).setBeadStatus(beadStatus.containsKey(link.bead) ? beadStatus.get(link.bead).status() : ""));
      outcome.setMetricTokens(tokens.getOrDefault(id, SessionOutcome.NONE));
      outcome.setMetricCostMicros(costs.getOrDefault(id, SessionOutcome.NONE));
      outcomes.put(id, outcome.build());
    }
  }

  /** The session a signal speaks of, if any. */
  private static Optional<String> sessionOf(
      GtRecord signal, Map<String, RoleTag> roles, AgentSessions agents, Set<String> rigs, Map<String, List<BranchDone>> donesOfBranch) {
    if (!signal.sessionId().isEmpty()) {
      return roles.containsKey(signal.sessionId()) ? Optional.of(signal.sessionId()) : Optional.empty();
    }
    long millis = signal.timestampMillis();
    switch (signal.source()) {
      case GtRecord.OTEL_LOGS:
      case GtRecord.METRICS:
        return GtSessionName.agentOf(signal.actor(), rigs).flatMap(agent -> at(agents, agent, millis));
      case GtRecord.EVENTS:
        break;
      default:
        return Optional.empty();
    }
    switch (signal.type()) {
      case "merged":
      case "merge_failed":
      case "merge_skipped":
        if (donesOfBranch.containsKey(signal.branch())) {
          return Optional.of(submitter(donesOfBranch.get(signal.branch()), millis));
        }
        // The refinery names the polecat; its session had ended by the merge, maybe hours before.
        String rig = RoleAddress.parse(signal.actor()).map(RoleRules.Match::rig).orElse("");
        return agents.lastStartedBy(GtRole.POLECAT, rig, signal.worker(), millis).map(SessionSpan::sessionId);
      case "escalation_sent":
      case "session_death":
        return RoleAddress.parse(signal.status()).flatMap(agent -> at(agents, agent, millis));
      default:
        return RoleAddress.parse(signal.actor()).flatMap(agent -> at(agents, agent, millis));
    }
  }

  /**
   * The session whose {@code done} submitted the branch that a verdict at {@code millis} is about:
   * the latest done before it (a branch handed on and done again), else the first after it.
   */
  private static String submitter(List<BranchDone> dones, long millis) {
    Comparator<BranchDone> byTime = Comparator.comparingLong(BranchDone::millis).thenComparing(BranchDone::session);
    return dones.stream().filter(d -> d.millis() <= millis).max(byTime)
        .or(() -> dones.stream().min(byTime))
        .orElseThrow()
        .session();
  }

  private static Optional<String> at(AgentSessions agents, RoleRules.Match agent, long millis) {
    return agents.sessionOf(agent.role(), agent.rig(), agent.worker(), millis).map(SessionSpan::sessionId);
  }

  Map<String, SessionOutcome> outcomes() {
    return outcomes;
  }

  /** How many signals found a session, by source, and which signal decided each session. */
  Counters counters() {
    return counters;
  }
}
