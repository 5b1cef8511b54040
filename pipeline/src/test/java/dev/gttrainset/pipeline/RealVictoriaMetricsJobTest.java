package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import dev.gttrainset.testdata.TownGenerator;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated town's metric series imported into a real VictoriaMetrics and read back live: the
 * server keeps one series per label set, so the series that carry only a tmux name ({@code
 * hq-mayor}, shared by a mayor and its successors) come back as one series across sessions, with
 * a counter that restarts at each. The datasets must be the ones the export file gives, byte for
 * byte, and every session its own metric cost.
 */
class RealVictoriaMetricsJobTest {
  private static final String FROM = "2026-04-13T00:00:00Z";
  private static final String TO = "2026-04-27T00:00:00Z";

  @TempDir static Path work;
  static Path town;
  static VictoriaMetricsServer server;
  static JobRun fromFile;
  static JobRun live;

  @BeforeAll
  static void importAndRun() throws Exception {
    town = work.resolve("town");
    TownGenerator.main(new String[] {"--out=" + town, "--megabytes=10", "--seed=11"});
    server = VictoriaMetricsServer.start();
    server.importSeries(town.resolve("otel/victoriametrics.jsonl"), FROM, TO);
    String[] base = {"--sessions=" + town.resolve("claude/projects"), "--town=" + town.resolve("town"), "--gtHome=" + town.resolve("gt")};
    fromFile = JobRun.of(work.resolve("file"), with(base, "--metricsExport=" + town.resolve("otel/victoriametrics.jsonl")));
    live = JobRun.of(work.resolve("live"), with(base, "--victoriaMetricsUrl=" + server.url(), "--telemetryFrom=" + FROM, "--telemetryTo=" + TO));
  }

  @AfterAll
  static void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private static String[] with(String[] base, String... extra) {
    List<String> args = new ArrayList<>(List.of(base));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  @Test
  void theServerMergesSeriesByLabelsAndTheDatasetsAreTheFilesBytes() throws Exception {
    assertEquals(0, fromFile.exitCode, fromFile::toString);
    assertEquals(0, live.exitCode, live::toString);
    long fileSeries = Files.readAllLines(town.resolve("otel/victoriametrics.jsonl")).size();
    long serverSeries = server.export("{__name__=~\"claude_code_.+\"}", FROM, TO).lines().count();
    assertTrue(serverSeries < fileSeries, "the server keeps " + serverSeries + " series of the file's " + fileSeries);
    assertEquals(serverSeries, live.stats().at("/sources/metrics/lines").asLong());
    // Every sample, as a counter's increase, found its session, from either.
    long increases = fromFile.stats().at("/outcomes/records/metrics/matched").asLong();
    assertTrue(increases > fileSeries, fromFile.stats().get("outcomes")::toString);
    assertEquals(increases, live.stats().at("/outcomes/records/metrics/matched").asLong());
    for (Map.Entry<String, byte[]> file : fromFile.files().entrySet()) {
      if (file.getKey().endsWith(".jsonl")) {
        assertArrayEquals(file.getValue(), live.files().get(file.getKey()), file.getKey());
      }
    }
  }

  @Test
  void everySessionGetsItsOwnMetricCostThoughItsSeriesIsShared() throws Exception {
    Map<String, JsonNode> truth = new TreeMap<>();
    for (String line : Files.readAllLines(town.resolve("truth.jsonl"))) {
      JsonNode session = Json.MAPPER.readTree(line);
      truth.put(session.get("session_id").asText(), session);
    }
    java.util.Set<String> sharedMayors = new java.util.TreeSet<>();
    List<String> wrong = new ArrayList<>();
    for (String file : live.files().keySet()) {
      if (!file.endsWith("_train.jsonl") && !file.endsWith("_val.jsonl")) {
        continue;
      }
      for (JsonNode record : live.records(file)) {
        JsonNode metadata = record.get("metadata");
        JsonNode expected = truth.get(metadata.get("session_id").asText());
        JsonNode got = metadata.path("outcome").path("metric_cost_usd");
        if (expected.get("metric_cost_usd").isNull()) {
          if (!got.isMissingNode()) {
            wrong.add(metadata.get("session_id").asText() + " has no series but got " + got);
          }
          continue;
        }
        if (got.isMissingNode() || new BigDecimal(got.asText()).compareTo(new BigDecimal(expected.get("metric_cost_usd").asText())) != 0) {
          wrong.add(metadata.get("session_id").asText() + " (" + expected.get("metric_labels").asText() + "): " + got + " for " + expected.get("metric_cost_usd"));
        }
        if (expected.get("role").asText().equals("mayor") && expected.get("metric_labels").asText().equals("tmux")) {
          sharedMayors.add(metadata.get("session_id").asText());
        }
      }
    }
    assertEquals(List.of(), wrong);
    // A mayor that handed off three times and more, its sessions' series known by hq-mayor alone.
    assertTrue(sharedMayors.size() >= 4, "mayor sessions whose series carry only hq-mayor: " + sharedMayors);
  }
}
