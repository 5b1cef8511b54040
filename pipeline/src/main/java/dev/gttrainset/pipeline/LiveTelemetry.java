package dev.gttrainset.pipeline;

import dev.gttrainset.parse.Timestamps;
import dev.gttrainset.parse.VictoriaQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The live telemetry servers the options name, each asked for one bounded range. */
final class LiveTelemetry {
  static final Duration DEFAULT_RANGE = Duration.ofDays(30);
  /** Merges and exits come after the sessions they are about. */
  static final Duration AFTER_UNTIL = Duration.ofDays(1);

  private LiveTelemetry() {}

  static List<VictoriaQuery> fromOptions(GtTrainsetOptions options, Instant now) throws UsageException {
    List<VictoriaQuery> queries = new ArrayList<>();
    if (options.getVictoriaLogsUrl().isBlank() && options.getVictoriaMetricsUrl().isBlank()) {
      return queries;
    }
    long to = RunWindows.time("--telemetryTo", options.getTelemetryTo());
    if (to == Timestamps.NONE) {
      long until = RunWindows.time("--until", options.getUntil());
      to = until == Timestamps.NONE ? now.toEpochMilli() : until + AFTER_UNTIL.toMillis();
    }
    long from = RunWindows.time("--telemetryFrom", options.getTelemetryFrom());
    if (from == Timestamps.NONE) {
      long since = RunWindows.time("--since", options.getSince());
      from = since == Timestamps.NONE ? to - DEFAULT_RANGE.toMillis() : since;
    }
    if (from >= to) {
      throw new UsageException("--telemetryFrom must be before --telemetryTo: " + Instant.ofEpochMilli(from) + " is not before " + Instant.ofEpochMilli(to));
    }
    try {
      if (!options.getVictoriaLogsUrl().isBlank()) {
        queries.add(VictoriaQuery.logs(options.getVictoriaLogsUrl().strip(), options.getVictoriaLogsQuery(), from, to));
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException("--victoriaLogsUrl: " + e.getMessage());
    }
    try {
      if (!options.getVictoriaMetricsUrl().isBlank()) {
        queries.add(VictoriaQuery.metrics(options.getVictoriaMetricsUrl().strip(), options.getVictoriaMetricsMatch(), from, to));
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException("--victoriaMetricsUrl: " + e.getMessage());
    }
    return queries;
  }
}
