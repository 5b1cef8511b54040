package dev.gttrainset.pipeline;

import dev.gttrainset.report.RunStats;
import java.util.Locale;

/** Whether a run wasted too much of its input to publish: the share of lines that were dead letters. */
final class DeadLetterRatio {
  private DeadLetterRatio() {}

  /** Why the run fails, or null when the share is within {@code max}. */
  static String check(RunStats stats, double max) {
    long read = stats.lines().read();
    long dead = stats.deadLetters();
    double ratio = dead / (double) Math.max(1, read);
    if (ratio <= max) {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "%.1f%% of the input are dead letters (%,d of %,d lines, failed files included), above"
            + " --maxDeadLetterRatio=%s",
        ratio * 100,
        dead,
        read,
        max);
  }
}
