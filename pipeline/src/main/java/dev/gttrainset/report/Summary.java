package dev.gttrainset.report;

import java.io.PrintStream;
import java.util.Locale;

/** The short table printed at the end of a run, read back from {@code stats.json}. */
public final class Summary {
  private Summary() {}

  public static void print(RunStats stats, PrintStream out) {
    String format = "%-10s %9s %9s %9s %9s%n";
    out.printf(Locale.ROOT, format, "role", "sessions", "samples", "train", "val");
    long[] total = new long[4];
    stats.roles().forEach(
        (name, role) -> {
          long[] row = {role.sessions(), role.samples(), role.train(), role.val()};
          for (int i = 0; i < row.length; i++) {
            total[i] += row[i];
          }
          out.printf(Locale.ROOT, format, name, row[0], row[1], row[2], row[3]);
        });
    out.printf(Locale.ROOT, format, "total", total[0], total[1], total[2], total[3]);
    RunStats.Lines lines = stats.lines();
    RunStats.Samples samples = stats.samples();
    out.printf(
        Locale.ROOT,
        "lines:   %,d read = %,d used + %,d skipped + %,d dead letters (%s)%n",
        lines.read(),
        lines.used(),
        lines.skippedTotal(),
        lines.deadLetters(),
        stats.linesBalance() == 0 ? "balanced" : "NOT balanced");
    out.printf(
        Locale.ROOT,
        "samples: %,d built%s = %,d written + %,d duplicates + %,d rejected (%s)%n",
        samples.built(),
        samples.repeated() > 0 ? String.format(Locale.ROOT, " + %,d repeated", samples.repeated()) : "",
        samples.written(),
        samples.duplicates(),
        samples.rejected(),
        stats.samplesBalance() == 0 ? "balanced" : "NOT balanced");
  }
}
