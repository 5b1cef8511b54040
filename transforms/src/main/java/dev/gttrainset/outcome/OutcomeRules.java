package dev.gttrainset.outcome;

import dev.gttrainset.model.ScoreComponent;
import java.util.List;
import java.util.Map;

/**
 * The tables that turn structured signals into a score, in one place. A sample's score is the
 * weighted mean of the components it has a signal for (weights below); each component keeps the
 * signal it came from, so a score can always be explained. No text is read for it: only tool
 * results' {@code is_error}, interruptions and API errors, the town's events, OpenTelemetry logs
 * and beads.
 */
public final class OutcomeRules {
  /** Components and their weights. */
  public static final String TOOL_SUCCESS = "tool_success";

  public static final String CLEAN_SESSION = "clean_session";
  public static final String OUTCOME = "outcome";
  public static final String BEAD = "bead";

  public static final Map<String, Double> WEIGHTS =
      Map.of(TOOL_SUCCESS, 0.25, CLEAN_SESSION, 0.15, OUTCOME, 0.40, BEAD, 0.20);

  /** What a signal about a session's work says of it: its value and its rank among the others. */
  record Verdict(double value, int rank) {}

  /**
   * Outcome signals, the most decisive first: the refinery's verdict on the work, then what the
   * agent's own log said at exit, then what happened to the session, then what it claimed.
   */
  static final Map<String, Verdict> OUTCOMES =
      Map.ofEntries(
          Map.entry("events:merged", new Verdict(1.0, 0)),
          Map.entry("events:merge_failed", new Verdict(0.1, 0)),
          Map.entry("events:merge_skipped", new Verdict(0.5, 0)),
          Map.entry("otel_logs:COMPLETED", new Verdict(1.0, 1)),
          Map.entry("otel_logs:DEFERRED", new Verdict(0.5, 1)),
          Map.entry("otel_logs:ESCALATED", new Verdict(0.3, 1)),
          Map.entry("events:session_death", new Verdict(0.0, 2)),
          Map.entry("events:escalation_sent", new Verdict(0.3, 2)),
          Map.entry("events:done", new Verdict(0.8, 3)),
          Map.entry("events:handoff", new Verdict(0.7, 4)));

  /** Event types that are outcome signals. */
  static final List<String> OUTCOME_EVENTS =
      List.of("done", "merged", "merge_failed", "merge_skipped", "escalation_sent", "handoff", "session_death");

  /** A bead's final status. */
  static final Map<String, Double> BEAD_STATUS =
      Map.of("closed", 1.0, "in_progress", 0.5, "hooked", 0.5, "open", 0.4, "blocked", 0.2, "deferred", 0.3);

  private OutcomeRules() {}

  static ScoreComponent component(String name, double value, String signal) {
    return ScoreComponent.create(Math.round(value * 1000) / 1000.0, WEIGHTS.get(name), signal);
  }

  /** The weighted mean of the components, rounded to three places; 1 without any. */
  public static double score(Map<String, ScoreComponent> components) {
    double weights = 0;
    double sum = 0;
    for (ScoreComponent component : components.values()) {
      weights += component.weight();
      sum += component.weight() * component.value();
    }
    return weights == 0 ? 1.0 : Math.round(sum / weights * 1000) / 1000.0;
  }
}
