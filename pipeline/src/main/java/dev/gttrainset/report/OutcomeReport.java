package dev.gttrainset.report;

import static dev.gttrainset.report.Markdown.countTable;
import static dev.gttrainset.report.Markdown.n;
import static dev.gttrainset.report.Markdown.row;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.outcome.OutcomeRules;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The report's sections on what became of the work and what the datasets kept of it: outcome
 * signals and score distributions per role, near-duplicates, and the roles' balance.
 */
final class OutcomeReport {
  /** Score bins as {@code scores.<role>.0_<tenth>} counts them. */
  static final int BINS = 10;

  private OutcomeReport() {}

  static void outcomesAndScores(StringBuilder md, JsonNode stats) {
    md.append("## Outcomes and Scores\n\n");
    md.append("`metadata.quality.score` (0 to 1) is the weighted mean of the components a sample has a signal for,"
        + " each beside it with its weight and signal. Weights: ");
    new TreeMap<>(OutcomeRules.WEIGHTS).forEach((name, weight) -> md.append('`').append(name).append("` ").append(weight).append(", "));
    md.setLength(md.length() - 2);
    md.append(". Of text, only the words Gas Town writes for machines are read for it (`MERGED toast`,"
        + " `POLECAT_DONE toast exit=COMPLETED`).\n\n");
    JsonNode records = stats.path("outcomes").path("records");
    if (records.size() > 0) {
      md.append("### Signal records, by source\n\n| Source | Found their session | Did not |\n|---|---:|---:|\n");
      records.fields().forEachRemaining(
          source -> row(md, "`" + source.getKey() + "`", n(source.getValue().path("matched")),
              n(source.getValue().path("unmatched").asLong() + source.getValue().path("without_session").asLong())));
      md.append('\n');
    }
    countTable(md, "Sessions, by the signal that decided their outcome", "Signal", "Sessions", stats.path("outcomes").path("signals"));
    JsonNode components = stats.path("score_components");
    if (components.size() > 0) {
      md.append("### Score components, by signal\n\n| Component | Signal | Samples |\n|---|---|---:|\n");
      components.fields().forEachRemaining(
          component -> component.getValue().fields().forEachRemaining(
              signal -> md.append("| `").append(component.getKey()).append("` | `").append(signal.getKey()).append("` | ")
                  .append(n(signal.getValue())).append(" |\n")));
      md.append('\n');
    }
    JsonNode scores = stats.path("scores");
    if (scores.size() > 0) {
      md.append("### Scores of the written samples, by role\n\n| Role |");
      for (int bin = 0; bin < BINS; bin++) {
        md.append(' ').append(binLabel(bin)).append(" |");
      }
      md.append(" Median |\n|---|");
      md.append("---:|".repeat(BINS + 1)).append('\n');
      scores.fields().forEachRemaining(role -> {
        md.append("| ").append(role.getKey()).append(" |");
        long[] counts = bins(role.getValue());
        for (long count : counts) {
          md.append(' ').append(count == 0 ? "" : n(count)).append(" |");
        }
        md.append(' ').append(median(counts)).append(" |\n");
      });
      md.append('\n');
    }
  }

  static void nearDuplicates(StringBuilder md, JsonNode stats) {
    md.append("## Near-Duplicates\n\n");
    JsonNode samples = stats.path("samples");
    md.append(String.format(Locale.ROOT,
        "%s of the samples left after exact deduplication were near-duplicates (estimated Jaccard similarity of the"
            + " assistant's words and tool calls at least the threshold) and were dropped: one sample of each of %s"
            + " clusters survives. They count among the %s duplicates.\n\n",
        n(samples.path("near_duplicates")), n(stats.path("near_duplicates").path("clusters")), n(samples.path("duplicates"))));
    md.append("| Role | Near-duplicates | All duplicates |\n|---|---:|---:|\n");
    for (Map.Entry<String, JsonNode> role : AvailabilityReport.rolesBySamples(stats)) {
      row(md, role.getKey(), n(role.getValue().path("near_duplicates")), n(role.getValue().path("duplicates")));
    }
    md.append('\n');
    countTable(md, "Clusters, by size", "Samples in the cluster", "Clusters", stats.path("near_duplicates").path("cluster_sizes"));
  }

  static void balance(StringBuilder md, JsonNode stats, ReportContext context) {
    String mode = context.settings().getOrDefault("balance", "none");
    md.append("## Balance\n\n");
    md.append("`--balance=").append(mode).append("`");
    String targets = context.settings().getOrDefault("balance_targets", "-");
    md.append(targets.equals("-") ? ", even targets" : ", targets `" + targets + "`");
    md.append(". Training samples only; validation is never balanced. Repeats: ").append(n(stats.path("samples").path("repeated")))
        .append(".\n\n| Role | Train before | Train after | Share before | Share after |\n|---|---:|---:|---:|---:|\n");
    long before = 0;
    long after = 0;
    for (JsonNode role : stats.path("roles")) {
      before += role.path("train_before_balance").asLong();
      after += role.path("train_after_balance").asLong();
    }
    for (Map.Entry<String, JsonNode> role : AvailabilityReport.rolesBySamples(stats)) {
      long b = role.getValue().path("train_before_balance").asLong();
      long a = role.getValue().path("train_after_balance").asLong();
      row(md, role.getKey(), n(b), n(a), percent(b, before), percent(a, after));
    }
    md.append('\n');
  }

  /** A role's written samples in the ten score bins. */
  static long[] bins(JsonNode role) {
    long[] counts = new long[BINS];
    for (Iterator<Map.Entry<String, JsonNode>> it = role.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> bin = it.next();
      counts[Integer.parseInt(bin.getKey().substring(2))] += bin.getValue().asLong();
    }
    return counts;
  }

  /** A score bin as the report names it: {@code 0.7–0.8}. */
  static String binLabel(int bin) {
    return String.format(Locale.ROOT, "%.1f–%.1f", bin / 10.0, (bin + 1) / 10.0);
  }

  private static String median(long[] counts) {
    long total = 0;
    for (long count : counts) {
      total += count;
    }
    long seen = 0;
    for (int bin = 0; bin < counts.length; bin++) {
      seen += counts[bin];
      if (seen * 2 >= total && total > 0) {
        return binLabel(bin);
      }
    }
    return "–";
  }

  private static String percent(long part, long whole) {
    return whole == 0 ? "–" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }
}
