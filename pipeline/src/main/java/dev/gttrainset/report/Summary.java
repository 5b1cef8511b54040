package dev.gttrainset.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** The short table printed at the end of a run, read back from {@code stats.json}. */
public final class Summary {
  private Summary() {}

  public static void print(JsonNode stats, PrintStream out) {
    String format = "%-10s %9s %9s %9s %9s%n";
    out.printf(Locale.ROOT, format, "role", "sessions", "samples", "train", "val");
    long[] total = new long[4];
    for (Iterator<Map.Entry<String, JsonNode>> it = stats.path("roles").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> role = it.next();
      long[] row = {
        role.getValue().path("sessions").asLong(),
        role.getValue().path("samples").asLong(),
        role.getValue().path("train").asLong(),
        role.getValue().path("val").asLong()
      };
      for (int i = 0; i < row.length; i++) {
        total[i] += row[i];
      }
      out.printf(Locale.ROOT, format, role.getKey(), row[0], row[1], row[2], row[3]);
    }
    out.printf(Locale.ROOT, format, "total", total[0], total[1], total[2], total[3]);
    JsonNode lines = stats.path("lines");
    JsonNode samples = stats.path("samples");
    long skipped = 0;
    for (JsonNode count : lines.path("skipped")) {
      skipped += count.asLong();
    }
    out.printf(
        Locale.ROOT,
        "lines:   %,d read = %,d used + %,d skipped + %,d dead letters (%s)%n",
        lines.path("read").asLong(),
        lines.path("used").asLong(),
        skipped,
        lines.path("dead_letters").asLong(),
        StatsDocument.linesBalance(stats) == 0 ? "balanced" : "NOT balanced");
    out.printf(
        Locale.ROOT,
        "samples: %,d built%s = %,d written + %,d duplicates + %,d rejected (%s)%n",
        samples.path("built").asLong(),
        samples.path("repeated").asLong() > 0 ? String.format(Locale.ROOT, " + %,d repeated", samples.path("repeated").asLong()) : "",
        samples.path("written").asLong(),
        samples.path("duplicates").asLong(),
        samples.path("rejected").asLong(),
        StatsDocument.samplesBalance(stats) == 0 ? "balanced" : "NOT balanced");
  }
}
