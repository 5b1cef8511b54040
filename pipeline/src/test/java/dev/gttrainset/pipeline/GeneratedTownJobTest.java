package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.testdata.FakeCredentials;
import dev.gttrainset.testdata.TownGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a generated town (30 MB, some 170 sessions in the real formats): every line
 * accounted for, the broken ones as dead letters, no planted credential in any output, the role
 * mix of a real town, and a gzipped copy of the town read to the same counts.
 */
class GeneratedTownJobTest {
  /** The seed report's share of samples per role, in percent. */
  private static final Map<String, Double> REAL_TOWN =
      Map.of(
          "mayor", 40.0, "deacon", 18.2, "witness", 12.4, "crew", 12.2,
          "refinery", 10.6, "polecat", 3.6, "boot", 2.6, "unknown", 0.7);

  @TempDir static Path work;

  static JsonNode manifest;
  static JobRun plain;
  static JobRun gzipped;

  @BeforeAll
  static void generateAndRun() throws IOException {
    manifest = generate("town", false);
    plain = JobRun.of(work.resolve("out"), townArgs("town"));
    generate("town-gz", true);
    gzipped = JobRun.of(work.resolve("out-gz"), townArgs("town-gz"));
  }

  private static JsonNode generate(String name, boolean gzip) throws IOException {
    String[] args = {"--out=" + work.resolve(name), "--megabytes=30", "--seed=42"};
    TownGenerator.main(gzip ? new String[] {args[0], args[1], args[2], "--gzip"} : args);
    return JobRun.read(work.resolve(name).resolve("town.json"));
  }

  private static String[] townArgs(String name) {
    Path town = work.resolve(name);
    return new String[] {
      "--sessions=" + town.resolve("claude/projects"),
      "--town=" + town.resolve("town"),
      "--gtHome=" + town.resolve("gt"),
      "--otelLogs=" + town.resolve("otel/victorialogs.jsonl"),
      "--metricsExport=" + town.resolve("otel/victoriametrics.jsonl")
    };
  }

  @Test
  void everyLineOfTheTownIsAccountedForAndTheBrokenOnesAreDeadLetters() {
    assertEquals(0, plain.exitCode, plain::toString);
    JsonNode lines = plain.stats().get("lines");
    assertEquals(manifest.get("lines").asLong() + manifest.get("telemetry_lines").asLong(), lines.get("read").asLong());
    assertEquals(
        manifest.get("broken_transcript_lines").asLong() + manifest.get("broken_log_lines").asLong(),
        lines.get("dead_letters").asLong());
    assertTrue(plain.stats().get("accounting").get("lines_balanced").asBoolean());
    assertTrue(plain.stats().get("accounting").get("samples_balanced").asBoolean());
    assertEquals(manifest.get("sessions").asLong(), plain.stats().get("sessions").get("total").asLong());
  }

  @Test
  void noPlantedCredentialReachesAnOutput() {
    assertTrue(manifest.get("planted_secrets").asLong() > 20, manifest::toString);
    for (Map.Entry<String, byte[]> file : plain.files().entrySet()) {
      String text = new String(file.getValue(), StandardCharsets.UTF_8);
      for (String credential : FakeCredentials.all()) {
        assertFalse(text.contains(credential), () -> file.getKey() + " holds a planted credential");
      }
    }
    JsonNode redactions = plain.stats().get("redactions");
    for (String rule : new String[] {"aws-access-key", "github-pat", "anthropic-api-key", "email", "url-credentials"}) {
      assertTrue(redactions.path(rule).asLong() > 0, () -> rule + " never fired: " + redactions);
    }
  }

  @Test
  void theRoleMixIsARealTownsAndEveryRepeatIsADuplicate() {
    JsonNode roles = plain.stats().get("roles");
    long built = plain.stats().get("samples").get("built").asLong();
    REAL_TOWN.forEach(
        (role, share) -> {
          double actual = 100.0 * roles.path(role).path("samples_built").asLong() / built;
          // Within a fifth of the share, at most three points off; small roles have few samples
          // here, so a point and a half off is their bound.
          assertTrue(Math.abs(actual - share) <= Math.min(3.0, Math.max(1.5, share / 5)), () -> role + ": " + actual + "% of " + built);
        });
    JsonNode samples = plain.stats().get("samples");
    // Boot's word-for-word triages: every one after the first of its kind is an exact duplicate.
    assertTrue(manifest.get("exact_repeats").asLong() > 0, manifest::toString);
    assertEquals(
        manifest.get("exact_repeats").asLong(), samples.get("duplicates").asLong() - samples.get("near_duplicates").asLong());
    // Patrol reports that differ by a count are near-duplicates.
    assertTrue(roles.get("deacon").path("near_duplicates").asLong() > 5, roles::toString);
    assertTrue(roles.get("witness").path("near_duplicates").asLong() > 0, roles::toString);
  }

  @Test
  void scoresComeFromEventsTelemetryAndBeadsAndSayWhichSignalDecided() {
    JsonNode outcome = plain.stats().get("score_components").get("outcome");
    assertTrue(outcome.path("events:merged").asLong() > 0, outcome::toString);
    assertTrue(outcome.path("otel_logs:completed").asLong() > 0, outcome::toString);
    assertTrue(plain.stats().get("score_components").get("bead").size() > 0);
    JsonNode records = plain.stats().get("outcomes").get("records");
    assertEquals(0, records.get("otel_logs").path("unmatched").asLong(), records::toString);
    long withSignal = 0;
    for (JsonNode record : plain.datasetRecords()) {
      JsonNode quality = record.get("metadata").get("quality");
      JsonNode decided = quality.get("components").get("outcome");
      double score = quality.get("score").asDouble();
      assertTrue(score >= 0 && score <= 1, quality::toString);
      if (decided != null) {
        withSignal++;
        String signal = decided.get("signal").asText();
        assertTrue(signal.startsWith("events:") || signal.startsWith("otel_logs:"), signal);
        assertEquals(signal, record.get("metadata").get("outcome").get("signal").asText());
      }
    }
    assertTrue(withSignal > 50, "samples with an outcome: " + withSignal);
  }

  @Test
  void aGzippedTownIsReadToTheSameCounts() {
    assertEquals(0, gzipped.exitCode, gzipped::toString);
    for (String section : new String[] {"lines", "samples", "roles", "redactions"}) {
      assertEquals(plain.stats().get(section), gzipped.stats().get(section), section);
    }
  }
}
