package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.testdata.TownGenerator;
import dev.gttrainset.testing.FakeVictoria;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job reading a generated town's telemetry from live servers (our own VictoriaLogs and
 * VictoriaMetrics on loopback, serving the town's export files) comes to the same datasets as
 * reading the files; a server that is not there is reported, not fatal.
 */
class LiveTelemetryJobTest {
  @TempDir static Path work;

  static Path town;
  static FakeVictoria server;
  static JobRun fromFiles;
  static JobRun live;

  @BeforeAll
  static void generateServeAndRun() throws IOException {
    town = work.resolve("town");
    TownGenerator.main(new String[] {"--out=" + town, "--megabytes=5", "--seed=7"});
    server = new FakeVictoria(
        Files.readAllLines(town.resolve("otel/victorialogs.jsonl")), Files.readAllLines(town.resolve("otel/victoriametrics.jsonl")));
    fromFiles = JobRun.of(work.resolve("files"), args(
        "--otelLogs=" + town.resolve("otel/victorialogs.jsonl"), "--metricsExport=" + town.resolve("otel/victoriametrics.jsonl")));
    live = JobRun.of(work.resolve("live"), args(
        "--victoriaLogsUrl=" + server.url(), "--victoriaMetricsUrl=" + server.url(),
        "--telemetryFrom=2026-04-13", "--telemetryTo=2026-04-27"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String[] args(String... extra) {
    List<String> args = new ArrayList<>(List.of(
        "--sessions=" + town.resolve("claude/projects"), "--town=" + town.resolve("town"), "--gtHome=" + town.resolve("gt")));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  @Test
  void liveServersGiveTheDatasetsTheirExportFilesGive() {
    assertEquals(0, fromFiles.exitCode, fromFiles::toString);
    assertEquals(0, live.exitCode, live::toString);
    JsonNode signals = live.stats().at("/outcomes/signals");
    assertTrue(signals.path("otel_logs:completed").asLong() > 0, signals::toString);
    assertEquals(fromFiles.stats().get("outcomes").get("signals"), signals);
    assertEquals(fromFiles.stats().get("score_components"), live.stats().get("score_components"));
    assertEquals(fromFiles.stats().at("/sources/otel_logs/records"), live.stats().at("/sources/otel_logs/records"));
    assertEquals(0, live.stats().at("/lines/dead_letters").asLong() - fromFiles.stats().at("/lines/dead_letters").asLong());
    for (Map.Entry<String, byte[]> file : fromFiles.files().entrySet()) {
      if (file.getKey().endsWith(".jsonl")) {
        assertArrayEquals(file.getValue(), live.files().get(file.getKey()), file.getKey());
      }
    }
    // Fourteen days in pages of an hour, and one export.
    assertEquals(14 * 24 + 1, server.requests());
    assertTrue(live.out.contains("(live, 336 pages)"), live.out);
    assertTrue(live.stats().at("/sources/otel_logs/found").asBoolean());
    assertTrue(live.stats().at("/sources/otel_logs/path").asText().endsWith("/select/logsql/query from 2026-04-13T00:00:00Z to 2026-04-27T00:00:00Z"));
  }

  @Test
  void aServerThatIsNotThereIsReportedAndTheRunGoesOn() {
    String[] twoHoursOfAServerThatIsNotThere = args(
        "--victoriaLogsUrl=http://127.0.0.1:9", "--telemetryFrom=2024-01-01T00:00:00Z", "--telemetryTo=2024-01-01T02:00:00Z");
    JobRun gone = JobRun.of(work.resolve("gone"), twoHoursOfAServerThatIsNotThere);
    assertEquals(0, gone.exitCode, gone::toString);
    assertEquals(2, gone.stats().at("/files/unavailable").asLong());
    assertEquals(0, gone.stats().at("/files/failed").asLong());
    assertEquals(2, gone.stats().at("/dead_letters/fetch-failed").asLong(), gone.stats().get("dead_letters")::toString);
    // A ratio that the town's own dead letters pass, and the two pages would not, were they wasted input.
    double ratio = (gone.stats().at("/lines/dead_letters").asLong() + 0.5) / gone.stats().at("/lines/read").asLong();
    List<String> strict = new ArrayList<>(List.of(twoHoursOfAServerThatIsNotThere));
    strict.add("--maxDeadLetterRatio=" + ratio);
    JobRun strictRun = JobRun.of(work.resolve("gone-strict"), strict.toArray(new String[0]));
    assertEquals(0, strictRun.exitCode, strictRun::toString);
    assertTrue(gone.stats().at("/accounting/lines_balanced").asBoolean());
    assertEquals(false, gone.stats().at("/sources/otel_logs/found").asBoolean(), "no page could be read");
    String report = new String(gone.files().get("REPORT.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("could not be read: 2 files (or pages of a live server) failed"), report);
    String deadLetters = new String(gone.files().get("dead_letters.jsonl"), StandardCharsets.UTF_8);
    assertTrue(deadLetters.contains("victorialogs/2024-01-01T01:00:00Z"), deadLetters);
  }

  @Test
  void aUrlThatIsNotOneIsAUsageError() {
    JobRun bad = JobRun.of(work.resolve("bad"), args("--victoriaLogsUrl=localhost:9428"));
    assertEquals(Main.EXIT_USAGE, bad.exitCode, bad::toString);
    assertTrue(bad.err.contains("--victoriaLogsUrl: not an http(s) URL: localhost:9428"), bad.err);
    JobRun backwards = JobRun.of(work.resolve("backwards"), args(
        "--victoriaMetricsUrl=http://127.0.0.1:9", "--telemetryFrom=2024-02-01", "--telemetryTo=2024-01-01"));
    assertEquals(Main.EXIT_USAGE, backwards.exitCode, backwards::toString);
    assertTrue(backwards.err.contains("--telemetryFrom must be before --telemetryTo"), backwards.err);
  }
}
