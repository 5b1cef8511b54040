package dev.gttrainset.outcome;

import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.ScoreComponent;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tables that turn structured signals into a score, in one place. A sample's score is the
 * weighted mean of the components it has a signal for (weights below); each component keeps the
 * signal it came from, so a score can always be explained. No text is read for it: only tool
 * results' {@code is_error}, interruptions and API errors, the town's events, OpenTelemetry logs
 * and beads, and of messages only the words Gas Town writes for machines ({@code MERGED toast}).
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
   * Outcome signals, the most decisive first: the refinery's verdict on the work (a merge-request
   * bead's {@code close_reason}, its mail to the witness, and before February 2026 its merge
   * events), then what the agent's own log said at exit, then what happened to the session, then
   * what it claimed ({@code done}, the {@code POLECAT_DONE} nudge its witness's transcript shows, a
   * handoff).
   */
  static final Map<String, Verdict> OUTCOMES =
      Map.ofEntries(
          Map.entry("beads:merge_request:merged", new Verdict(1.0, 0)),
          Map.entry("beads:merge_request:rejected", new Verdict(0.1, 0)),
          Map.entry("beads:merge_request:conflict", new Verdict(0.2, 0)),
          Map.entry("beads:merge_request:superseded", new Verdict(0.5, 0)),
          Map.entry("beads:merge_request:blocked", new Verdict(0.2, 0)),
          Map.entry("beads:mail:merged", new Verdict(1.0, 0)),
          Map.entry("beads:mail:merge_failed", new Verdict(0.1, 0)),
          Map.entry("beads:mail:fix_needed", new Verdict(0.2, 0)),
          Map.entry("events:mail:merged", new Verdict(1.0, 0)),
          Map.entry("events:mail:merge_failed", new Verdict(0.1, 0)),
          Map.entry("events:mail:fix_needed", new Verdict(0.2, 0)),
          Map.entry("beads:mail:rework_request", new Verdict(0.2, 0)),
          Map.entry("events:mail:rework_request", new Verdict(0.2, 0)),
          Map.entry("events:nudge:merge_failed", new Verdict(0.1, 0)),
          Map.entry("events:merged", new Verdict(1.0, 0)),
          Map.entry("events:merge_failed", new Verdict(0.1, 0)),
          Map.entry("events:merge_skipped", new Verdict(0.5, 0)),
          Map.entry("otel_logs:COMPLETED", new Verdict(1.0, 1)),
          Map.entry("otel_logs:DEFERRED", new Verdict(0.5, 1)),
          Map.entry("otel_logs:ESCALATED", new Verdict(0.3, 1)),
          Map.entry("events:session_death", new Verdict(0.0, 2)),
          Map.entry("events:escalation_sent", new Verdict(0.3, 2)),
          Map.entry("transcript:polecat_done:escalated", new Verdict(0.3, 2)),
          Map.entry("events:done", new Verdict(0.8, 3)),
          Map.entry("transcript:polecat_done:completed", new Verdict(0.8, 3)),
          Map.entry("transcript:polecat_done:deferred", new Verdict(0.5, 3)),
          Map.entry("events:handoff", new Verdict(0.7, 4)));

  /** Event types that are outcome signals. */
  static final List<String> OUTCOME_EVENTS =
      List.of("done", "merged", "merge_failed", "merge_skipped", "escalation_sent", "handoff", "session_death", "mail", "nudge");

  /**
   * Causes of a session death that say nothing against the work: the daemon reaps a polecat idle
   * after a successful {@code gt done}, and {@code gt down} stops everyone. Crashes and zombies
   * are failures.
   */
  private static final List<String> HARMLESS_DEATHS = List.of("idle", "reap", "done", "shutdown", "gt down");

  /**
   * The name of the signal a record gives, as {@code metadata.quality} shows it, or "" when the
   * record says nothing of the work.
   */
  static String signalOf(GtRecord record) {
    switch (record.source()) {
      case GtRecord.EVENTS:
        switch (record.type()) {
          case "mail":
          case "nudge":
            return record.reason().isEmpty() ? "" : "events:" + record.type() + ":" + record.reason().toLowerCase(Locale.ROOT);
          case "session_death":
            return harmless(record.reason()) ? "" : "events:session_death";
          default:
            return "events:" + record.type();
        }
      case GtRecord.BEADS:
        boolean verdict = record.type().equals("merge_request") || record.type().equals("mail");
        return verdict && !record.reason().isEmpty() ? "beads:" + record.type() + ":" + record.reason() : "";
      case GtRecord.OTEL_LOGS:
        return record.status().isEmpty() ? "" : "otel_logs:" + record.status();
      case GtRecord.TRANSCRIPT:
        return record.reason().isEmpty() ? "" : "transcript:" + record.type() + ":" + record.reason().toLowerCase(Locale.ROOT);
      default:
        return "";
    }
  }

  static boolean harmless(String deathCause) {
    String cause = deathCause.toLowerCase(Locale.ROOT);
    return HARMLESS_DEATHS.stream().anyMatch(cause::contains);
  }

  /** A bead's final status. */
  static final Map<String, Double> BEAD_STATUS =
      Map.of("closed", 1.0, "in_progress", 0.5, "hooked", 0.5, "open", 0.4, "blocked", 0.2, "deferred", 0.3);

  private OutcomeRules() {}

  static ScoreComponent component(String name, double value, String signal) {
    return ScoreComponent.create(Math.round(value * 1000) / 1000.0, WEIGHTS.get(name), signal);
  }

}
