package dev.gttrainset.testdata;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * What became of each session's work, as the town and its observability recorded it: {@code done}
 * and the refinery's merge verdict for polecats' branches, escalations, session deaths and
 * handoffs, an OpenTelemetry log and token and cost series at the end of most sessions, and the
 * beads the work was on. Drawn from a random source of its own, so the transcripts of a seed are
 * the same with or without it.
 */
final class Outcomes {
  private final SplittableRandom random;
  private final GtLogs logs;
  private final Ids ids;
  private final Map<String, Long> counts = new TreeMap<>();

  Outcomes(long seed, GtLogs logs) {
    this.random = new SplittableRandom(seed ^ 0x0c0ffee5L);
    this.logs = logs;
    this.ids = new Ids(random);
  }

  /** How many signals of each kind were written, for the manifest. */
  Map<String, Long> counts() {
    return counts;
  }

  void session(Agent agent, String sessionId, Instant start, Instant end) {
    if (!agent.inGasTown()) {
      return;
    }
    String bead = "";
    if (agent.role() == Role.POLECAT || (agent.role() == Role.CREW && random.nextInt(3) == 0)) {
      bead = "gt-" + ids.agentId().substring(0, 5);
      String status = work(agent, sessionId, bead, end);
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
    } else if (agent.patrols() || (agent.role() == Role.MAYOR && random.nextBoolean())) {
      logs.event(end, "handoff", agent.address(), "subject", "patrol " + (agent.patrols() ? "cycle" : "context"));
      count("events.handoff");
    }
    if (random.nextInt(10) < 6) {
      // Most logs name the Claude session; some only the Gas Town one, as older gt versions did.
      String named = random.nextInt(5) == 0 ? null : sessionId;
      String exit = random.nextInt(10) < 7 ? "COMPLETED" : random.nextBoolean() ? "DEFERRED" : "ESCALATED";
      logs.otelLog(end, agent, named, bead, exit);
      count("otel_logs." + exit);
      double tokens = 20_000 + random.nextInt(200_000);
      logs.metric(start, end, "claude_code_token_usage_tokens_total", agent, named, "input", tokens);
      logs.metric(start, end, "claude_code_token_usage_tokens_total", agent, named, "output", tokens / 20);
      logs.metric(start, end, "claude_code_cost_usage_USD_total", agent, named, "", tokens / 100_000);
      count("metrics.sessions");
    }
  }

  /** A polecat or crew member's work on a bead: done, and for polecats the refinery's verdict. */
  private String work(Agent agent, String sessionId, String bead, Instant end) {
    if (random.nextInt(10) < 2) {
      return "in_progress";
    }
    String branch = "polecat/" + agent.name() + "-" + bead;
    logs.event(end.minusSeconds(30), "done", agent.address(), "bead", bead, "branch", branch);
    count("events.done");
    if (agent.role() != Role.POLECAT) {
      return "closed";
    }
    int verdict = random.nextInt(10);
    String type = verdict < 7 ? "merged" : verdict < 9 ? "merge_failed" : "merge_skipped";
    Instant at = end.plus(Duration.ofMinutes(20 + random.nextInt(200)));
    String mr = "mr-" + (10 + random.nextInt(900));
    if (type.equals("merged")) {
      logs.event(at, type, agent.rig() + "/refinery", "mr", mr, "worker", agent.name(), "branch", branch);
    } else {
      logs.event(at, type, agent.rig() + "/refinery", "mr", mr, "worker", agent.name(), "branch", branch, "reason", "tests failed");
    }
    count("events." + type);
    return type.equals("merged") ? "closed" : "open";
  }

  private void count(String what) {
    counts.merge(what, 1L, Long::sum);
  }
}
