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
import dev.gttrainset.role.SessionNames;
import dev.gttrainset.role.TownLayout;
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
 * (OpenTelemetry's Claude session id, directly or through its run's {@code agent.event}; a bead's
 * {@code closed_by_session}) or an agent and a moment ({@link AgentSessions}), the agent by address
 * or tmux name ({@link SessionNames}). A verdict on a polecat's work (a merge-request bead, the
 * refinery's mail, an old merge event) names its branch or its polecat: it belongs to the session
 * whose {@code done} event named that branch, else to the polecat's latest session before it.
 * When several signals speak of a session's work, the most decisive ({@link OutcomeRules#OUTCOMES})
 * and then the latest decides. The result does not depend on the order the signals come in.
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

  OutcomeIndex(
      Map<String, RoleTag> roles, List<ConversationFacts> conversations, Collection<GtRecord> signals, TownLayout layout) {
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
    TownLayout town = layout.withRigs(roles.values().stream().map(RoleTag::rig).toList());
    // An agent run's records share a run.id; agent.event names the run's Claude session.
    Map<String, String> sessionOfRun = new TreeMap<>();
    for (GtRecord signal : signals) {
      if (signal.source().equals(GtRecord.OTEL_LOGS) && !signal.runId().isEmpty() && roles.containsKey(signal.sessionId())) {
        sessionOfRun.merge(signal.runId(), signal.sessionId(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      }
    }

    Map<String, List<Candidate>> verdicts = new TreeMap<>();
    Map<String, List<BeadLink>> beads = new TreeMap<>();
    Map<String, BeadState> beadStatus = new TreeMap<>();
    Map<String, Long> tokens = new TreeMap<>();
    Map<String, Long> costs = new TreeMap<>();
    Submissions submissions = new Submissions();
    // Done events first: merges find their session by the branch a done event named.
    List<GtRecord> ordered = new ArrayList<>(signals);
    // Nudges a witness received name a polecat of the witness's rig.
    for (ConversationFacts facts : conversations) {
      String rig = roles.getOrDefault(facts.sessionId(), RoleTag.unknown()).rig();
      facts.nudges().forEach(nudge -> ordered.add(nudge.toBuilder().setRig(rig).build()));
    }
    ordered.sort(Comparator.comparing((GtRecord r) -> !r.type().equals("done")));
    Set<String> beadMails = new TreeSet<>();
    ordered.stream().filter(r -> r.source().equals(GtRecord.BEADS) && r.type().equals("mail")).forEach(r -> beadMails.add(mailKey(r)));
    for (GtRecord signal : ordered) {
      // A mail event says less than the mail itself (no branch): read the mail when the export has it.
      if (signal.source().equals(GtRecord.EVENTS) && signal.type().equals("mail") && beadMails.contains(mailKey(signal))) {
        counters.increment(StatKeys.outcomeRecords(signal.source(), "mail_read_from_beads"));
        continue;
      }
      Optional<String> session = sessionOf(signal, roles, agents, town, submissions, sessionOfRun);
      String source = signal.source();
      if (source.equals(GtRecord.BEADS) && signal.type().equals("bead")) {
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
      String name = OutcomeRules.signalOf(signal);
      OutcomeRules.Verdict verdict = OutcomeRules.OUTCOMES.get(name);
      if (verdict != null) {
        verdicts.computeIfAbsent(id, s -> new ArrayList<>()).add(new Candidate(name, verdict, signal.timestampMillis()));
        if (signal.type().equals("done") && !signal.branch().isEmpty()) {
          submissions.add(id, signal);
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
      GtRecord signal,
      Map<String, RoleTag> roles,
      AgentSessions agents,
      TownLayout town,
      Submissions submissions,
      Map<String, String> sessionOfRun) {
    if (!signal.sessionId().isEmpty()) {
      return roles.containsKey(signal.sessionId()) ? Optional.of(signal.sessionId()) : Optional.empty();
    }
    long millis = signal.timestampMillis();
    switch (signal.source()) {
      case GtRecord.OTEL_LOGS:
        if (sessionOfRun.containsKey(signal.runId())) {
          return Optional.of(sessionOfRun.get(signal.runId()));
        }
        return SessionNames.agentOf(signal.gtSession(), town).flatMap(agent -> at(agents, agent, millis));
      case GtRecord.METRICS:
        return SessionNames.agentOf(signal.gtSession(), town).flatMap(agent -> at(agents, agent, millis));
      case GtRecord.BEADS:
        return signal.type().equals("bead") ? Optional.empty() : workOf(signal, agents, submissions, rigOfBead(signal, town));
      case GtRecord.TRANSCRIPT:
        return workOf(signal, agents, submissions, signal.rig());
      case GtRecord.EVENTS:
        break;
      default:
        return Optional.empty();
    }
    switch (signal.type()) {
      case "merged":
      case "merge_failed":
      case "merge_skipped":
      case "mail":
        // The refinery names the polecat; its session had ended by the merge, maybe hours before.
        String rig = RoleAddress.parse(signal.actor()).map(RoleRules.Match::rig).orElse("");
        return workOf(signal, agents, submissions, rig);
      case "nudge":
        // The refinery's MERGE_FAILED goes to the polecat ("gastown/toast"); a nudge a polecat sent
        // is about its own session.
        Optional<RoleRules.Match> sender = RoleAddress.parse(signal.actor()).filter(a -> a.role() == GtRole.POLECAT);
        if (sender.isPresent()) {
          return agents.lastStartedBy(GtRole.POLECAT, sender.get().rig(), sender.get().worker(), millis).map(SessionSpan::sessionId);
        }
        String[] target = signal.status().split("/");
        String polecat = signal.worker().isEmpty() ? target[target.length - 1] : signal.worker();
        return workOf(signal.toBuilder().setWorker(polecat).build(), agents, submissions, target[0]);
      case "escalation_sent":
        return RoleAddress.parse(signal.status()).flatMap(agent -> at(agents, agent, millis));
      case "session_death":
        return SessionNames.agentOf(signal.gtSession(), town)
            .or(() -> RoleAddress.parse(signal.status()))
            .flatMap(agent -> at(agents, agent, millis));
      default:
        return RoleAddress.parse(signal.actor()).flatMap(agent -> at(agents, agent, millis));
    }
  }

  /**
   * The polecat session a verdict on submitted work is about: the one whose {@code done} named the
   * branch; else the polecat's latest session whose {@code done} came before the verdict (a
   * polecat is often at work again when the verdict on its last branch comes); else its latest
   * session to start by then, in the verdict's rig when known.
   */
  private static Optional<String> workOf(GtRecord verdict, AgentSessions agents, Submissions submissions, String rig) {
    Optional<String> submitter = submissions.of(verdict, rig);
    if (submitter.isPresent() || verdict.worker().isEmpty()) {
      return submitter;
    }
    return agents.lastStartedBy(GtRole.POLECAT, rig, verdict.worker(), verdict.timestampMillis()).map(SessionSpan::sessionId);
  }

  /** The {@code done} events seen so far, by branch and by polecat. */
  private static final class Submissions {
    private final Map<String, List<BranchDone>> byBranch = new TreeMap<>();
    private final Map<String, List<BranchDone>> byPolecat = new TreeMap<>();

    void add(String session, GtRecord done) {
      byBranch.computeIfAbsent(done.branch(), b -> new ArrayList<>()).add(new BranchDone(session, done.timestampMillis()));
      RoleAddress.parse(done.actor())
          .filter(agent -> agent.role() == GtRole.POLECAT)
          .ifPresent(agent -> byPolecat.computeIfAbsent(polecatKey(agent.rig(), agent.worker()), k -> new ArrayList<>())
              .add(new BranchDone(session, done.timestampMillis())));
    }

    Optional<String> of(GtRecord verdict, String rig) {
      if (!verdict.branch().isEmpty() && byBranch.containsKey(verdict.branch())) {
        return Optional.of(submitter(byBranch.get(verdict.branch()), verdict.timestampMillis()));
      }
      Comparator<BranchDone> byTime = Comparator.comparingLong(BranchDone::millis).thenComparing(BranchDone::session);
      return byPolecat.getOrDefault(polecatKey(rig, verdict.worker()), List.of()).stream()
          .filter(done -> done.millis() <= verdict.timestampMillis())
          .max(byTime)
          .map(BranchDone::session);
    }

    private static String polecatKey(String rig, String worker) {
      return rig + "/" + worker.toLowerCase(Locale.ROOT);
    }
  }

  /** One mail, whether as its bead or as its event: verdict, polecat, sender, minute. */
  private static String mailKey(GtRecord mail) {
    return mail.reason() + "/" + mail.worker() + "/" + mail.actor() + "/" + mail.timestampMillis() / 60_000;
  }

  /** A merge request's rig: as its description says, else the rig whose beads prefix its id has. */
  private static String rigOfBead(GtRecord bead, TownLayout town) {
    if (!bead.rig().isEmpty()) {
      return bead.rig();
    }
    int dash = bead.bead().indexOf('-');
    return dash > 0 ? town.rigByPrefix().getOrDefault(bead.bead().substring(0, dash), "") : "";
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
