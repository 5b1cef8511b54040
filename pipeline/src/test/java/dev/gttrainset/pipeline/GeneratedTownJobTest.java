package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.testdata.FakeCredentials;
import dev.gttrainset.testdata.TownGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a generated town (30 MB, some 230 sessions in the real formats): every line
 * accounted for, the broken ones as dead letters, no planted credential in any output, the role
 * mix of a real town, outcome scores, near-duplicates and balance, and a gzipped copy of the town
 * read to the same counts.
 */
class GeneratedTownJobTest {
  /** The seed report's share of samples per role, in percent; it had the dogs under the deacon. */
  private static final Map<String, Double> REAL_TOWN =
      Map.of(
          "mayor", 40.0, "deacon", 15.2, "witness", 12.4, "crew", 12.2,
          "refinery", 10.6, "polecat", 3.6, "boot", 2.6, "dog", 3.0, "unknown", 0.7);

  @TempDir static Path work;

  static JsonNode manifest;
  static JobRun plain;
  static JobRun gzipped;
  static JobRun capped;
  static JobRun oversampled;
  /** The town for OpenAI's upload, Mistral's ids and Llama 3.1's one call per message. */
  static JobRun strict;

  @BeforeAll
  static void generateAndRun() throws IOException {
    manifest = generate("town", false);
    plain = JobRun.of(work.resolve("out"), townArgs("town"));
    capped = JobRun.of(work.resolve("out-cap"), townArgs("town", "--balance=cap", "--balanceTargets=mayor=0.3"));
    oversampled = JobRun.of(
        work.resolve("out-over"), townArgs("town", "--balance=oversample", "--balanceTargets=polecat=0.1,boot=0.05", "--minScore=0.6"));
    strict = JobRun.of(
        work.resolve("out-strict"), townArgs("town", "--format=openai", "--toolCallIds=short", "--toolCallsPerMessage=one"));
    generate("town-gz", true);
    gzipped = JobRun.of(work.resolve("out-gz"), townArgs("town-gz"));
  }

  private static JsonNode generate(String name, boolean gzip) throws IOException {
    String[] args = {"--out=" + work.resolve(name), "--megabytes=30", "--seed=42"};
    TownGenerator.main(gzip ? new String[] {args[0], args[1], args[2], "--gzip"} : args);
    return JobRun.read(work.resolve(name).resolve("town.json"));
  }

  private static String[] townArgs(String name, String... extra) {
    Path town = work.resolve(name);
    List<String> args = new ArrayList<>(List.of(
        "--sessions=" + town.resolve("claude/projects"),
        "--town=" + town.resolve("town"),
        "--gtHome=" + town.resolve("gt"),
        "--otelLogs=" + town.resolve("otel/victorialogs.jsonl"),
        "--metricsExport=" + town.resolve("otel/victoriametrics.jsonl"),
        // Today's town keeps its beads in Dolt: the user exports them.
        "--beads=" + town.resolve("beads") + "/*.jsonl"));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  @Test
  void everyFormatMeetsItsTrainersRules() {
    assertEquals(0, strict.exitCode, strict::toString);
    assertEquals(List.of(), TrainerRules.runViolations(plain, strict));
    Map<String, Long> figures = TrainerRules.figures(plain);
    assertTrue(figures.get("several_calls") > 10 && figures.get("text_beside_calls") > 10, figures.toString());
  }

  /** Records per role in the run's training files. */
  private static Map<String, Long> trainCounts(JobRun run) {
    Map<String, Long> counts = new TreeMap<>();
    for (String file : run.files().keySet()) {
      if (file.endsWith("_train.jsonl")) {
        counts.put(file.substring(0, file.length() - "_train.jsonl".length()), (long) run.records(file).size());
      }
    }
    return counts;
  }

  private static double share(Map<String, Long> counts, String role) {
    return counts.getOrDefault(role, 0L) / (double) counts.values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void everyLineOfTheTownIsAccountedForAndTheBrokenOnesAreDeadLetters() {
    assertEquals(0, plain.exitCode, plain::toString);
    JsonNode lines = plain.stats().get("lines");
    assertEquals(
        manifest.get("lines").asLong() + manifest.get("telemetry_lines").asLong() + manifest.get("beads_export_lines").asLong(),
        lines.get("read").asLong());
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
    for (String rule : new String[] {"aws-access-token", "github-pat", "anthropic-api-key", "email", "url-credentials"}) {
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
    // Patrol reports that differ in counts, times and ids are near-duplicates: most of the deacon's.
    JsonNode deacon = roles.get("deacon");
    assertTrue(deacon.path("near_duplicates").asLong() > deacon.path("samples_built").asLong() / 2, roles::toString);
    assertTrue(roles.get("witness").path("near_duplicates").asLong() > 0, roles::toString);
  }

  @Test
  void longTasksAreCutIntoWindowsThatFitTheBudgetInAnOrderEveryTrainerAccepts() throws IOException {
    long budget = plain.stats().at("/settings/max_sample_tokens").asLong();
    long cut = 0;
    List<String> violations = new ArrayList<>();
    for (JsonNode record : plain.datasetRecords()) {
      JsonNode metadata = record.get("metadata");
      assertTrue(metadata.get("est_tokens").asLong() <= budget, metadata::toString);
      cut += record.at("/messages/1/content").asText().contains("earlier turns of this task left out") ? 1 : 0;
      TrainerReading.turnOrderViolations(record).forEach(v -> violations.add(metadata.get("source_file").asText() + ": " + v));
      TrainerReading.editsWithoutTheirLines(record).forEach(v -> violations.add(metadata.get("source_file").asText() + ": " + v));
    }
    assertTrue(cut > 5, "windows that continue a long task: " + cut);
    assertEquals(List.of(), violations);
    assertEquals(0, plain.stats().at("/rejects/too-long").asLong());
  }

  @Test
  void scoresComeFromEventsTelemetryAndBeadsAndSayWhichSignalDecided() {
    JsonNode outcome = plain.stats().get("score_components").get("outcome");
    assertTrue(outcome.path("beads:mail:merged").asLong() > 0, outcome::toString);
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
        assertTrue(List.of("events:", "otel_logs:", "beads:", "transcript:").stream().anyMatch(signal::startsWith), signal);
        assertEquals(signal, record.get("metadata").get("outcome").get("signal").asText());
      }
    }
    assertTrue(withSignal > 50, "samples with an outcome: " + withSignal);
  }

  @Test
  void capSamplesTheMayorDownToItsShareAndLeavesEverythingElseAsItWas() {
    assertEquals(0, capped.exitCode, capped::toString);
    Map<String, Long> before = trainCounts(plain);
    Map<String, Long> after = trainCounts(capped);
    assertTrue(share(before, "mayor") > 0.35, before::toString);
    assertEquals(0.3, share(after, "mayor"), 0.005, after::toString);
    long cut = before.get("mayor") - after.get("mayor");
    assertEquals(cut, capped.stats().at("/rejects/balance-cap").asLong());
    assertEquals(cut, capped.stats().at("/roles/mayor/train_before_balance").asLong() - capped.stats().at("/roles/mayor/train_after_balance").asLong());
    assertTrue(capped.stats().at("/accounting/samples_balanced").asBoolean());
    // Every other file, validation included, is the same bytes as without balance.
    for (Map.Entry<String, byte[]> file : plain.files().entrySet()) {
      if (file.getKey().endsWith(".jsonl") && !file.getKey().equals("mayor_train.jsonl") && !file.getKey().equals("rejects.jsonl")) {
        assertArrayEquals(file.getValue(), capped.files().get(file.getKey()), file.getKey());
      }
    }
  }

  @Test
  void oversampleRepeatsRareRolesInTrainingOnlyAndMinScoreKeepsGoodTrajectories() {
    assertEquals(0, oversampled.exitCode, oversampled::toString);
    Map<String, Long> after = trainCounts(oversampled);
    assertEquals(0.1, share(after, "polecat"), 0.005, after::toString);
    assertEquals(0.05, share(after, "boot"), 0.005, after::toString);
    JsonNode samples = oversampled.stats().get("samples");
    long repeats = 0;
    for (String file : oversampled.files().keySet()) {
      if (!file.endsWith("_train.jsonl") && !file.endsWith("_val.jsonl")) {
        continue;
      }
      for (JsonNode record : oversampled.records(file)) {
        JsonNode metadata = record.get("metadata");
        assertTrue(metadata.get("quality").get("score").asDouble() >= 0.6, metadata::toString);
        if (metadata.get("repeat_index").asInt() > 0) {
          repeats++;
          assertTrue(file.equals("polecat_train.jsonl") || file.equals("boot_train.jsonl"), file);
        }
      }
    }
    assertTrue(repeats > 0);
    assertEquals(repeats, samples.get("repeated").asLong());
    assertTrue(oversampled.stats().at("/rejects/low-score").asLong() > 0, () -> oversampled.stats().toString());
    assertEquals(
        samples.get("built").asLong() + samples.get("repeated").asLong(),
        samples.get("written").asLong() + samples.get("duplicates").asLong() + samples.get("rejected").asLong());
  }

  @Test
  void aGzippedTownIsReadToTheSameCounts() {
    assertEquals(0, gzipped.exitCode, gzipped::toString);
    for (String section : new String[] {"lines", "samples", "roles", "redactions"}) {
      assertEquals(plain.stats().get(section), gzipped.stats().get(section), section);
    }
  }
}
