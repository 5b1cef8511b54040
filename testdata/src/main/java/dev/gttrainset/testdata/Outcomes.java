package dev.gttrainset.testdata;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What became of each session's work, as the town and its observability recorded it in its era:
 * {@code done} and the refinery's verdict for polecats' branches (merge events until February
 * 2026; since, a merge-request bead's {@code close_reason}, the refinery's mail to the witness and
 * the {@code POLECAT_DONE} nudge), escalations, session deaths (crashes, and the idle reap after a
 * successful {@code gt done}) and handoffs, OpenTelemetry records and token and cost series at the
 * end of most sessions, and the beads the work was on. Drawn from a random source of its own, so
 * the transcripts of a seed are the same with or without it.
 */
final class Outcomes {
  private final SplittableRandom random;
  private final GtLogs logs;
  private final Ids ids;
  private final Era era;
  private final Map<String, Long> counts = new TreeMap<>();

  private final Nudges nudges;

  Outcomes(long seed, GtLogs logs, Era era, Nudges nudges) {
    this.random = new SplittableRandom(seed ^ 0x0c0ffee5L);
    this.logs = logs;
    this.ids = new Ids(random);
    this.era = era;
    this.nudges = nudges;
  }

  /** How many signals of each kind were written, for the manifest. */
  Map<String, Long> counts() {
    return counts;
  }

  /**
   * What the town recorded of a session, for {@code truth.jsonl}: the refinery's verdict on its
   * work, and the cost its metric series counted, with whether they name the session or only its
   * tmux name (null when there is none).
   */
  record Recorded(String verdict, String metricCostUsd, String metricLabels) {}

  /** Writes what became of the session. */
  Recorded session(Agent agent, String sessionId, Instant start, Instant end) {
    if (!agent.inGasTown()) {
      return new Recorded(null, null, null);
    }
    String metricCost = null;
    String metricLabels = null;
    String bead = "";
    String verdict = null;
    if (agent.role() == Role.POLECAT || (agent.role() == Role.CREW && random.nextInt(3) == 0)) {
      bead = (era.current() ? Era.PREFIXES.get(agent.rig()) : "gt") + "-" + ids.agentId().substring(0, 5);
      String[] work = work(agent, bead, end);
      String status = work[0];
      verdict = work[1];
      logs.bead(end.plus(Duration.ofMinutes(90)), agent.rig(), bead, status, random.nextBoolean() ? sessionId : null);
      count("beads." + status);
    }
    if (agent.role() == Role.POLECAT && random.nextInt(8) == 0) {
      logs.event(end.minusSeconds(120), "escalation_sent", agent.rig() + "/witness", "rig", agent.rig(),
          "target", agent.address(), "to", "mayor", "reason", "no progress in 30m");
      count("events.escalation_sent");
    }
    if (random.nextInt(25) == 0) {
      logs.event(end.plusSeconds(1), "session_death", "daemon", "session", agent.gtSession(),
          "agent", agent.address(), "reason", "zombie cleanup", "caller", "daemon");
      count("events.session_death");
    } else if (verdict != null) {
      // The daemon reaps a polecat idle after its gt done: a death that says nothing against the work.
      logs.event(end.plus(Duration.ofMinutes(15)), "session_death", "daemon", "session", agent.gtSession(),
          "agent", agent.address(), "reason", "idle after gt done", "caller", "daemon");
      count("events.session_death.idle");
    } else if (agent.patrols() || (agent.role() == Role.MAYOR && random.nextBoolean())) {
      logs.event(end, "handoff", agent.address(), "subject", "patrol " + (agent.patrols() ? "cycle" : "context"));
      count("events.handoff");
    }
    if (random.nextInt(10) < 6) {
      // Most logs name the Claude session; some only the Gas Town one, as older gt versions did.
      // Since spring 2026 only agent.event names it, as native_session_id, tied to done by run.id.
      // Metric series too: without the session id, a server keeps one series per tmux name.
      String named = random.nextInt(5) < 2 ? null : sessionId;
      String exit = random.nextInt(10) < 7 ? "COMPLETED" : random.nextBoolean() ? "DEFERRED" : "ESCALATED";
      if (era.current()) {
        logs.runRecords(start, end, agent, ids.uuid(), named, exit);
      } else {
        logs.otelLog(end, agent, named, bead, exit);
      }
      count("otel_logs." + exit);
      double tokens = 20_000 + random.nextInt(200_000);
      logs.metric(start, end, "claude_code_token_usage_tokens_total", agent, named, "input", tokens);
      logs.metric(start, end, "claude_code_token_usage_tokens_total", agent, named, "output", tokens / 20);
      logs.metric(start, end, "claude_code_cost_usage_USD_total", agent, named, "", tokens / 100_000);
      count("metrics.sessions");
      metricCost = GtLogs.dollars(tokens / 100_000);
      metricLabels = named == null ? "tmux" : "session_id";
    }
    return new Recorded(verdict, metricCost, metricLabels);
  }

  /**
   * A polecat or crew member's work on a bead: done, and for polecats the refinery's verdict in the
   * forms of the era. Returns the bead's status and the verdict (null without one).
   */
  private String[] work(Agent agent, String bead, Instant end) {
    if (random.nextInt(10) < 2) {
      return new String[] {"in_progress", null};
    }
    String branch = "polecat/" + agent.name() + "-" + bead;
    logs.event(end.minusSeconds(30), "done", agent.address(), "bead", bead, "branch", branch);
    count("events.done");
    if (agent.role() != Role.POLECAT) {
      return new String[] {"closed", null};
    }
    int draw = random.nextInt(20);
    Instant at = end.plus(Duration.ofMinutes(20 + random.nextInt(200)));
    String mr = "mr-" + (10 + random.nextInt(900));
    String verdict;
    if (era.current()) {
      nudges.send(agent.rig(), end.minusSeconds(20), "POLECAT_DONE " + agent.name() + " exit=COMPLETED");
      verdict = draw < 13 ? "merged" : draw < 16 ? "rejected" : draw < 19 ? "conflict" : "superseded";
      String prefix = Era.PREFIXES.get(agent.rig());
      logs.mergeRequest(end.minusSeconds(25), at, agent, prefix + "-wisp-" + ids.agentId().substring(0, 4), bead, branch, verdict,
          prefix + "-wisp-" + ids.agentId().substring(0, 4));
      String body = "Branch: " + branch + "\nIssue: " + bead + "\nPolecat: " + agent.name() + "\nRig: " + agent.rig() + "\nTarget: main\n";
      String refinery = agent.rig() + "/refinery";
      switch (verdict) {
        case "merged":
          logs.mail(at.plusSeconds(10), refinery, agent.rig() + "/witness", "MERGED " + agent.name(), body + "Merged-At: " + at);
          break;
        case "rejected":
          logs.mail(at.plusSeconds(10), refinery, agent.rig() + "/witness", "MERGE_FAILED " + agent.name(),
              body + "Failed-At: " + at + "\nFailure-Type: tests\nError: 3 tests failed");
          break;
        case "conflict":
          // The newer refinery nudges the polecat itself; the merge request stays open, blocked.
          logs.event(at.plusSeconds(10), "nudge", refinery, "rig", agent.rig(), "target", agent.rig() + "/" + agent.name(),
              "reason", "MERGE_FAILED: branch=" + branch + " issue=" + bead + " type=conflict error=rebase failed — fix and resubmit with 'gt done'");
          break;
        default:
          break;
      }
      count("beads.merge_request." + verdict);
    } else {
      String type = draw < 14 ? "merged" : draw < 18 ? "merge_failed" : "merge_skipped";
      if (type.equals("merged")) {
        logs.event(at, type, agent.rig() + "/refinery", "mr", mr, "worker", agent.name(), "branch", branch);
      } else {
        logs.event(at, type, agent.rig() + "/refinery", "mr", mr, "worker", agent.name(), "branch", branch, "reason", "tests failed");
      }
      count("events." + type);
      verdict = type.equals("merged") ? "merged" : type.equals("merge_failed") ? "rejected" : "superseded";
    }
    return new String[] {verdict.equals("merged") ? "closed" : "open", verdict};
  }

  private void count(String what) {
    counts.merge(what, 1L, Long::sum);
  }
}
