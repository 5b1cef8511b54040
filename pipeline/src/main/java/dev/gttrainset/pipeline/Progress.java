package dev.gttrainset.pipeline;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;
import org.joda.time.Duration;

/**
 * Follows a running pipeline and prints its counters when they move: files parsed, samples built,
 * samples written. Runners that do not report metrics while running just print the final line.
 */
final class Progress {
  private static final Duration POLL = Duration.standardSeconds(2);

  private Progress() {}

  /** Waits for the pipeline to finish, printing progress; returns its final state. */
  static PipelineResult.State follow(PipelineResult result, PrintStream out) {
    long start = System.nanoTime();
    String last = "";
    PipelineResult.State state = result.getState();
    while (!state.isTerminal()) {
      PipelineResult.State polled = result.waitUntilFinish(POLL);
      state = polled == null ? result.getState() : polled;
      last = print(out, start, describe(result), last);
    }
    out.printf(Locale.ROOT, "gt-trainset: [%5.1fs] pipeline %s%n", seconds(start), state);
    return state;
  }

  private static String print(PrintStream out, long start, String line, String last) {
    if (!line.isEmpty() && !line.equals(last)) {
      out.printf(Locale.ROOT, "gt-trainset: [%5.1fs] %s%n", seconds(start), line);
    }
    return line;
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static String describe(PipelineResult result) {
    Map<String, Long> counters = new TreeMap<>();
    try {
      MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder().build());
      for (MetricResult<Long> counter : metrics.getCounters()) {
        if (counter.getName().getNamespace().equals("gt-trainset")) {
          counters.merge(counter.getName().getName(), attempted(counter), Long::sum);
        }
      }
    } catch (UnsupportedOperationException | IllegalStateException e) {
      return "";
    }
    if (counters.isEmpty()) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "session files parsed %,d (%,d lines) · samples built %,d · samples written %,d",
        counters.getOrDefault("session_files_parsed", 0L),
        counters.getOrDefault("session_lines_read", 0L),
        counters.getOrDefault("samples_built", 0L),
        counters.getOrDefault("samples_written", 0L));
  }

  private static long attempted(MetricResult<Long> counter) {
    Long value = counter.getAttempted();
    return value == null ? 0L : value;
  }
}
