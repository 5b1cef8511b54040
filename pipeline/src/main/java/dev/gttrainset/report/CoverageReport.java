package dev.gttrainset.report;

import static dev.gttrainset.report.Markdown.n;
import static dev.gttrainset.report.Markdown.row;

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
        row(md, AvailabilityReport.SOURCE_TITLES.getOrDefault(source, source), range.path("first").asText(), range.path("last").asText());
      }
    }
    md.append('\n');
    JsonNode byType = coverage.path("events_by_type");
    if (byType.size() > 0) {
      md.append("Town events by type (the daemon keeps each type for its own time):\n\n");
      md.append("| Type | Events | From | To |\n|---|---:|---|---|\n");
      for (Map.Entry<String, JsonNode> type : (Iterable<Map.Entry<String, JsonNode>>) byType::fields) {
        row(md, type.getKey(), n(stats.path("event_types").path(type.getKey())), type.getValue().path("first").asText(),
            type.getValue().path("last").asText());
      }
      md.append('\n');
    }
    JsonNode sessions = stats.path("sessions");
    md.append(String.format(
        "%s of %s sessions are named by no town event; %s of them started before the first `session_start` left"
            + " in `.events.jsonl`.\n\n",
        n(sessions.path("without_event")), n(sessions.path("total")), n(sessions.path("without_event_before_first_session_start"))));
  }
}
