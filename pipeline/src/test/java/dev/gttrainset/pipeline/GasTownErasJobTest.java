package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import dev.gttrainset.report.Markdown;
import dev.gttrainset.testdata.TownGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The job on towns written in each of Gas Town's eras (February 2026: old tmux names, boot billed
 * as the deacon, merge events; May 2026: rigs' beads prefixes, dogs, verdicts in merge-request
 * beads, mail and nudges, pruned events), held against what the generator says each session really
 * was ({@code truth.jsonl}): every role, every cost, the verdict on polecats' work, and the report's
 * account of what the daemon pruned. The towns run many polecats (a quarter of the sessions) over
 * nine days, so the daemon's three-day pruning of {@code session_start} shows.
 */
class GasTownErasJobTest {
  private static final List<String> ERAS = List.of("2026-02", "2026-05");
  /** Signals that carry the refinery's verdict, in either era. */
  private static final List<String> VERDICT_SIGNALS =
      List.of("beads:merge_request:", "beads:mail:", "events:mail:", "events:merged", "events:merge_", "events:nudge:merge_failed");

  @TempDir static Path work;

  static final Map<String, Path> towns = new TreeMap<>();
  static final Map<String, JobRun> runs = new TreeMap<>();

  @BeforeAll
  static void generateAndRun() throws IOException {
    for (String era : ERAS) {
      Path town = work.resolve("town-" + era);
      TownGenerator.main(new String[] {
          "--out=" + town, "--sessions=600", "--megabytes=12", "--seed=7", "--era=" + era, "--sessionShares=polecat=0.25"});
      List<String> args = new ArrayList<>(List.of(
          "--sessions=" + town.resolve("claude/projects"),
          "--town=" + town.resolve("town"),
          "--gtHome=" + town.resolve("gt"),
          "--otelLogs=" + town.resolve("otel/victorialogs.jsonl"),
          "--metricsExport=" + town.resolve("otel/victoriametrics.jsonl")));
      if (Files.isDirectory(town.resolve("beads"))) {
        // Today's beads live in Dolt: the user exports them, merge requests and mail included.
        args.add("--beads=" + town.resolve("beads") + "/*.jsonl");
      }
      towns.put(era, town);
      runs.put(era, JobRun.of(work.resolve("out-" + era), args.toArray(new String[0])));
    }
  }

  /** What each session really was, by session id. */
  private static Map<String, JsonNode> truth(String era) throws IOException {
    Map<String, JsonNode> sessions = new TreeMap<>();
    for (String line : Files.readAllLines(towns.get(era).resolve("truth.jsonl"))) {
      JsonNode session = Json.MAPPER.readTree(line);
      sessions.put(session.get("session_id").asText(), session);
    }
    return sessions;
  }

  /** The metadata of every written sample and reject, by session (a session's samples agree). */
  private static Map<String, List<JsonNode>> samplesBySession(JobRun run) {
    Map<String, List<JsonNode>> bySession = new TreeMap<>();
    for (String file : run.files().keySet()) {
      if (file.endsWith("_train.jsonl") || file.endsWith("_val.jsonl") || file.equals("rejects.jsonl")) {
        for (JsonNode record : run.records(file)) {
          JsonNode metadata = record.get("metadata");
          bySession.computeIfAbsent(metadata.get("session_id").asText(), s -> new ArrayList<>()).add(metadata);
        }
      }
    }
    return bySession;
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02", "2026-05"})
  void everySessionGetsItsRoleDogsAndBootIncluded(String era) throws IOException {
    JobRun run = runs.get(era);
    assertEquals(0, run.exitCode, run::toString);
    Map<String, JsonNode> truth = truth(era);
    Map<String, Long> perRole = new TreeMap<>();
    truth.values().forEach(s -> perRole.merge(s.get("role").asText(), 1L, Long::sum));
    assertTrue(perRole.get("dog") > 5 && perRole.get("boot") > 5, perRole::toString);
    perRole.forEach((role, sessions) ->
        assertEquals(sessions, run.stats().path("roles").path(role).path("sessions").asLong(), role));
    List<String> wrong = new ArrayList<>();
    samplesBySession(run).forEach((session, samples) -> {
      String role = truth.get(session).get("role").asText();
      samples.stream()
          .filter(s -> !s.get("gt_role").asText().equals(role))
          .forEach(s -> wrong.add(session + ": " + role + " tagged " + s.get("gt_role").asText() + " by " + s.get("role_signal")));
    });
    assertEquals(List.of(), wrong);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02", "2026-05"})
  void everySessionsCostIsItsLastCostLine(String era) throws IOException {
    Map<String, JsonNode> truth = truth(era);
    List<String> wrong = new ArrayList<>();
    Map<String, List<JsonNode>> samples = samplesBySession(runs.get(era));
    samples.forEach((session, metadata) -> {
      JsonNode expected = truth.get(session).get("cost_usd");
      for (JsonNode sample : metadata) {
        JsonNode cost = sample.get("cost_usd");
        boolean same = expected.isNull()
            ? cost.isNull()
            : !cost.isNull() && new BigDecimal(expected.asText()).compareTo(cost.decimalValue()) == 0;
        if (!same) {
          wrong.add(session + " (" + truth.get(session).get("role").asText() + "): " + cost + " for a last line of " + expected);
        }
      }
    });
    assertTrue(samples.size() > 500, "sessions with samples: " + samples.size());
    assertEquals(List.of(), wrong);
    long withCost = truth.values().stream().filter(s -> !s.get("cost_usd").isNull()).count();
    assertEquals(withCost, runs.get(era).stats().at("/costs/sessions_with_cost").asLong());
    // Every session's, those that gave no sample included: each role's cost is the sum of its sessions' last lines.
    Map<String, BigDecimal> byRole = new TreeMap<>();
    truth.values().stream()
        .filter(s -> !s.get("cost_usd").isNull())
        .forEach(s -> byRole.merge(s.get("role").asText(), new BigDecimal(s.get("cost_usd").asText()), BigDecimal::add));
    byRole.forEach((role, cost) ->
        assertEquals(0, cost.compareTo(runs.get(era).stats().path("roles").path(role).path("cost_usd").decimalValue()), role));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02", "2026-05"})
  void polecatScoresFollowTheRefinerysVerdict(String era) throws IOException {
    Map<String, JsonNode> truth = truth(era);
    long verdicts = 0;
    long agree = 0;
    List<String> disagree = new ArrayList<>();
    List<Double> merged = new ArrayList<>();
    List<Double> failed = new ArrayList<>();
    for (Map.Entry<String, List<JsonNode>> session : samplesBySession(runs.get(era)).entrySet()) {
      JsonNode verdict = truth.get(session.getKey()).get("verdict");
      if (verdict.isNull()) {
        continue;
      }
      verdicts++;
      JsonNode quality = session.getValue().get(0).get("quality");
      JsonNode outcome = quality.path("components").path("outcome");
      String signal = outcome.path("signal").asText("");
      double value = outcome.path("value").asDouble(-1);
      boolean fromVerdict = VERDICT_SIGNALS.stream().anyMatch(signal::startsWith);
      boolean sameCall;
      switch (verdict.asText()) {
        case "merged":
          sameCall = value >= 0.9;
          merged.add(quality.get("score").asDouble());
          break;
        case "rejected":
        case "conflict":
          sameCall = value >= 0 && value <= 0.2;
          failed.add(quality.get("score").asDouble());
          break;
        default:
          sameCall = value > 0.2 && value < 0.9;
      }
      if (fromVerdict && sameCall) {
        agree++;
      } else {
        disagree.add(session.getKey() + ": " + verdict.asText() + " scored by " + signal + " at " + value);
      }
    }
    assertTrue(verdicts >= 60, "polecat sessions with a verdict: " + verdicts);
    assertTrue(agree >= 0.9 * verdicts, agree + " of " + verdicts + " agree; " + disagree);
    double mergedMean = merged.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double failedMean = failed.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertTrue(mergedMean > failedMean + 0.2, "merged " + mergedMean + ", rejected " + failedMean);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-02", "2026-05"})
  void theReportNamesTheRangeTheDaemonPruned(String era) throws IOException {
    JobRun run = runs.get(era);
    JsonNode manifest = JobRun.read(towns.get(era).resolve("town.json"));
    assertTrue(manifest.get("pruned_events").asLong() > 0, manifest::toString);
    JsonNode stats = run.stats();
    String firstStart = stats.at("/coverage/events_by_type/session_start/first").asText();
    String firstSession = stats.at("/coverage/sessions/first").asText();
    assertTrue(firstStart.compareTo(firstSession) > 0, firstStart + " after " + firstSession);
    long before = stats.at("/sessions/without_event_before_first_session_start").asLong();
    assertTrue(before > 100, stats.get("sessions")::toString);
    String report = Files.readString(run.output.resolve("REPORT.md"));
    assertTrue(report.contains("### Time covered"), report);
    assertTrue(
        report.contains("holds `session_start` events from " + firstStart + " on, the transcripts begin at " + firstSession
            + ": " + Markdown.n(before) + " sessions before that have no event"),
        report);
    assertTrue(report.contains("Keep a copy of `.events.jsonl` before the daemon prunes it"), report);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2026-05"})
  void todaysEmptyIssuesFilesAreNamedAndTheExportsRead(String era) throws IOException {
    JsonNode stats = runs.get(era).stats();
    assertEquals(
        JobRun.read(towns.get(era).resolve("town.json")).get("beads_export_lines").asLong(),
        stats.at("/sources/beads/records").asLong() + stats.at("/sources/beads/dead_letters").asLong());
    // Without the exports, the town's own issues.jsonl files are all there is: empty, and said so.
    Path town = towns.get(era);
    JobRun plain = JobRun.of(work.resolve("out-plain-" + era),
        "--sessions=" + town.resolve("claude/projects"), "--town=" + town.resolve("town"), "--gtHome=" + town.resolve("gt"));
    assertEquals(0, plain.exitCode, plain::toString);
    assertEquals(0, plain.stats().at("/sources/beads/lines").asLong());
    assertTrue(plain.stats().at("/sources/beads/files").asLong() > 1);
    String report = Files.readString(plain.output.resolve("REPORT.md"));
    assertTrue(report.contains("hold no beads: current Gas Town keeps beads in Dolt"), report);
    assertTrue(report.contains("`bd export --all`"), report);
    assertTrue(Set.of("dog_train.jsonl").stream().allMatch(plain.files()::containsKey), plain.files().keySet()::toString);
  }
}
