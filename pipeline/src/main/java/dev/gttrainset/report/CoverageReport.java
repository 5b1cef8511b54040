package dev.gttrainset.report;

import static dev.gttrainset.report.Markdown.n;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report's account of time: which range each source covers and what falls outside it. Gas
 * Town's daemon prunes {@code .events.jsonl} in place every hour (session_start and nudges after 3
 * days, handoffs after 7, done after 14, mail, deaths and merges after 30; nothing archived), and
 * current Gas Town keeps beads in Dolt with {@code .beads/issues.jsonl} empty: a backfill finds the
 * files but not the town's history.
 */
final class CoverageReport {
  private CoverageReport() {}

  static void timeCovered(StringBuilder md, JsonNode stats, ReportContext context) {
    JsonNode coverage = stats.path("coverage");
    if (coverage.isMissingNode()) {
      return;
    }
    md.append("### Time covered\n\n");
    md.append("| Source | From | To |\n|---|---|---|\n");
    List<String> sources = new ArrayList<>(List.of("sessions"));
    context.sourcePaths().keySet().stream().filter(s -> !sources.contains(s)).forEach(sources::add);
    for (String source : sources) {
      JsonNode range = coverage.path(source);
      if (!range.isMissingNode()) {
        md.append("| ").append(AvailabilityReport.SOURCE_TITLES.getOrDefault(source, source)).append(" | ")
            .append(range.path("first").asText()).append(" | ").append(range.path("last").asText()).append(" |\n");
      }
    }
    md.append('\n');
    JsonNode byType = coverage.path("events_by_type");
    if (byType.size() > 0) {
      md.append("Town events by type (the daemon keeps each type for its own time):\n\n");
      md.append("| Type | Events | From | To |\n|---|---:|---|---|\n");
      for (Map.Entry<String, JsonNode> type : (Iterable<Map.Entry<String, JsonNode>>) byType::fields) {
        md.append("| ").append(type.getKey()).append(" | ").append(n(stats.path("event_types").path(type.getKey())))
            .append(" | ").append(type.getValue().path("first").asText())
            .append(" | ").append(type.getValue().path("last").asText()).append(" |\n");
      }
      md.append('\n');
    }
    JsonNode sessions = stats.path("sessions");
    md.append(String.format(
        "%s of %s sessions are named by no town event; %s of them started before the first `session_start` left"
            + " in `.events.jsonl`.\n\n",
        n(sessions.path("without_event")), n(sessions.path("total")), n(sessions.path("without_event_before_first_session_start"))));
  }

  static List<AvailabilityReport.Finding> findings(JsonNode stats, ReportContext context) {
    List<AvailabilityReport.Finding> findings = new ArrayList<>();
    JsonNode sessions = stats.path("sessions");
    long before = sessions.path("without_event_before_first_session_start").asLong();
    String firstStart = stats.path("coverage").path("events_by_type").path("session_start").path("first").asText("");
    if (before > 0 && !firstStart.isEmpty()) {
      findings.add(
          new AvailabilityReport.Finding(
              String.format(
                  "`.events.jsonl` holds `session_start` events from %s on, the transcripts begin at %s: %s sessions"
                      + " before that have no event (pruned, or never written), their roles came from folders and markers."
                      + " Gas Town's daemon prunes the file in place every hour: `session_start` after 3 days, `done`"
                      + " after 14, patrols after 1, nothing archived.",
                  firstStart,
                  stats.path("coverage").path("sessions").path("first").asText(),
                  n(before)),
              "Keep a copy of `.events.jsonl` before the daemon prunes it: run the job nightly"
                  + " (`runners/orchestration/`), or copy the file every day and pass the copies' town as `--town`."));
    }
    JsonNode beads = stats.path("sources").path("beads");
    if (beads.path("found").asBoolean() && beads.path("lines").asLong() == 0) {
      findings.add(
          new AvailabilityReport.Finding(
              String.format(
                  "The %s beads files read hold no beads: current Gas Town keeps beads in Dolt and leaves"
                      + " `.beads/issues.jsonl` empty, so merge verdicts and the refinery's mail were not seen.",
                  n(beads.path("files"))),
              "Export each beads database with `bd export --all` (merge requests and mail are ephemeral; a plain"
                  + " export leaves them out) and give the files to `--beads`."));
    }
    return findings;
  }
}
