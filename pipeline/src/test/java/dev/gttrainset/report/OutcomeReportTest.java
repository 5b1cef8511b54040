package dev.gttrainset.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.pipeline.GtTrainsetOptions;
import dev.gttrainset.pipeline.OptionValues;
import dev.gttrainset.scrub.Scrubber;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class OutcomeReportTest {
  static ReportContext context(String balance, String targets) {
    GtTrainsetOptions options = PipelineOptionsFactory.as(GtTrainsetOptions.class);
    options.setOutput("/tmp/out");
    options.setBalance(balance);
    options.setBalanceTargets(targets);
    return ReportContext.of(OptionValues.reportSettings(options), Map.of(), Scrubber.withDefaultRules());
  }

  /** A run with near-duplicates, outcome signals, scores and a cap on the deacon. */
  static Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    counts.put("samples.built", 40L);
    counts.put("samples.duplicates", 12L);
    counts.put("samples.near_duplicates", 9L);
    counts.put("samples.rejected", 3L);
    counts.put("samples.written", 25L);
    counts.put("near_duplicates.clusters", 4L);
    counts.put("near_duplicates.cluster_sizes.2", 3L);
    counts.put("near_duplicates.cluster_sizes.7", 1L);
    counts.put("roles.deacon.samples_built", 30L);
    counts.put("roles.deacon.duplicates", 11L);
    counts.put("roles.deacon.near_duplicates", 9L);
    counts.put("roles.deacon.samples", 16L);
    counts.put("roles.deacon.train_before_balance", 16L);
    counts.put("roles.deacon.train_after_balance", 13L);
    counts.put("roles.polecat.samples_built", 10L);
    counts.put("roles.polecat.duplicates", 1L);
    counts.put("roles.polecat.samples", 9L);
    counts.put("roles.polecat.train_before_balance", 8L);
    counts.put("roles.polecat.train_after_balance", 8L);
    counts.put("outcomes.records.events.matched", 5L);
    counts.put("outcomes.records.events.unmatched", 2L);
    counts.put("outcomes.records.otel_logs.matched", 3L);
    counts.put("outcomes.signals.events:merged", 4L);
    counts.put("outcomes.signals.otel_logs:COMPLETED", 1L);
    counts.put("score_components.outcome.events:merged", 6L);
    counts.put("scores.polecat.0_9", 6L);
    counts.put("scores.polecat.0_2", 3L);
    counts.put("scores.deacon.0_7", 13L);
    return counts;
  }

  private static String report() {
    ReportContext context = context("cap", "deacon=0.5");
    return AvailabilityReport.render(StatsDocument.build(counts(), context), context);
  }

  @Test
  void scoresAreBinnedByTheirTenth() {
    JsonNode stats = StatsDocument.build(counts(), context("none", ""));
    assertArrayEquals(new long[] {0, 0, 3, 0, 0, 0, 0, 0, 0, 6}, OutcomeReport.bins(stats.at("/scores/polecat")));
  }

  @Test
  void outcomesSayWhichSignalDecidedAndHowScoresFall() {
    String report = report();
    assertTrue(report.contains("## Outcomes and Scores"), report);
    assertTrue(report.contains("| `events` | 5 | 2 |"), report);
    assertTrue(report.contains("| `otel_logs` | 3 | 0 |"), report);
    assertTrue(report.contains("events:merged"), report);
    assertTrue(report.contains("| `outcome` | `events:merged` | 6 |"), report);
    assertTrue(report.contains("| polecat |  |  | 3 |  |  |  |  |  |  | 6 | 0.9–1.0 |"), report);
  }

  @Test
  void nearDuplicatesAreCountedPerRoleWithClusterSizes() {
    String report = report();
    assertTrue(report.contains("9 of the samples left after exact deduplication were near-duplicates"), report);
    assertTrue(report.contains("4 clusters survives"), report);
    assertTrue(report.contains("| deacon | 9 | 11 |"), report);
    assertTrue(report.contains("| polecat | 0 | 1 |"), report);
    assertTrue(report.contains("Clusters, by size"), report);
  }

  @Test
  void balanceShowsTheModeTargetsAndSharesBeforeAndAfter() {
    String report = report();
    assertTrue(report.contains("`--balance=cap`, targets `deacon=0.5`"), report);
    assertTrue(report.contains("| deacon | 16 | 13 | 66.7% | 61.9% |"), report);
    assertTrue(report.contains("| polecat | 8 | 8 | 33.3% | 38.1% |"), report);
  }
}
