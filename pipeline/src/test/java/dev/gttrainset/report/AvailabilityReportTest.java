package dev.gttrainset.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.pipeline.GtTrainsetOptions;
import dev.gttrainset.pipeline.OptionValues;
import dev.gttrainset.scrub.Scrubber;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class AvailabilityReportTest {
  private static ReportContext context() {
    GtTrainsetOptions options = PipelineOptionsFactory.as(GtTrainsetOptions.class);
    options.setOutput("/tmp/out");
    Map<String, String> sources = new java.util.LinkedHashMap<>();
    sources.put("sessions", "/data/projects/**");
    sources.put("events", "/data/gt/.events.jsonl");
    return ReportContext.of(OptionValues.reportSettings(options), sources, Scrubber.withDefaultRules());
  }

  private static Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    counts.put("lines.read", 10L);
    counts.put("lines.used", 7L);
    counts.put("lines.skipped.progress", 3L);
    counts.put("samples.built", 100L);
    counts.put("samples.written", 100L);
    counts.put("sessions.total", 30L);
    counts.put("roles.mayor.sessions", 20L);
    counts.put("roles.mayor.samples", 97L);
    counts.put("roles.mayor.train", 97L);
    counts.put("roles.polecat.sessions", 10L);
    counts.put("roles.polecat.samples", 3L);
    counts.put("roles.polecat.train", 3L);
    counts.put("sources.sessions.files", 30L);
    return counts;
  }

  @Test
  void derivesSharesSourcesAndTheBalance() {
    ObjectNode stats = StatsDocument.build(counts(), context());
    assertEquals("3.0", stats.at("/roles/polecat/share_of_samples_pct").asText());
    assertTrue(stats.at("/sources/sessions/found").asBoolean());
    assertFalse(stats.at("/sources/events/found").asBoolean());
    assertEquals("/data/gt/.events.jsonl", stats.at("/sources/events/path").asText());
    assertTrue(stats.at("/accounting/lines_balanced").asBoolean());
    assertTrue(stats.at("/accounting/samples_balanced").asBoolean());
  }

  @Test
  void observationsAndRecommendationsFollowFromTheNumbers() {
    String report = AvailabilityReport.render(StatsDocument.build(counts(), context()), context());
    assertTrue(report.contains("**polecat** has 3.0% of the samples (3): under 5%"), report);
    assertTrue(report.contains("**mayor** has 97.0% of the samples: it dominates."), report);
    assertTrue(report.contains("Collect more sessions of polecat, or oversample polecat when training (`--balance=oversample`)."), report);
    assertTrue(report.contains("Town events (`.events.jsonl`) not found: looked at `/data/gt/.events.jsonl`."), report);
    assertFalse(report.contains("could not be given a role"), report);
  }

  @Test
  void anImbalanceIsCalledABug() {
    Map<String, Long> counts = counts();
    counts.put("samples.written", 99L);
    String report = AvailabilityReport.render(StatsDocument.build(counts, context()), context());
    assertTrue(report.contains("The accounting does not balance"), report);
  }

  @Test
  void namesFromTheDataAreScrubbedAndLargeGroupsCapped() {
    Map<String, Long> counts = counts();
    counts.put("gt_commands./home/alice/bin/gt", 2L);
    for (int i = 0; i < 150; i++) {
      counts.put("record_types.type-" + i, 1L + i);
    }
    ObjectNode stats = StatsDocument.build(counts, context());
    assertEquals(2, stats.at("/gt_commands/~1home~1user~1bin~1gt").asLong(), stats.get("gt_commands").toString());
    assertEquals(StatsDocument.MAX_GROUP, stats.get("record_types").size());
    long total = 0;
    for (var count : stats.get("record_types")) {
      total += count.asLong();
    }
    assertEquals(150L * 151 / 2, total, "capping keeps the total");
    assertEquals(150, stats.at("/record_types/type-149").asLong());
  }
}
