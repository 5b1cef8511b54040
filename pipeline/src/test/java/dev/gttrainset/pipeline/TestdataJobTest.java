package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import dev.gttrainset.report.RunStats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on the bundled town, read like a specification: this town in, these datasets,
 * rejects, dead letters and statistics out.
 */
class TestdataJobTest {
  @TempDir static Path work;
  static JobRun run;

  @BeforeAll
  static void runTheJob() {
    run = JobRun.onTestdata(work.resolve("out"));
    assertEquals(0, run.exitCode, run::toString);
  }

  @Test
  void writesADatasetForEveryRoleAndTheReportAndSuccessLast() {
    Map<String, byte[]> files = run.files();
    for (String role : List.of("mayor", "deacon", "boot", "witness", "refinery", "crew", "polecat", "unknown")) {
      assertTrue(files.containsKey(role + "_train.jsonl"), role);
      assertTrue(files.get(role + "_train.jsonl").length > 0, role);
    }
    for (String always : List.of("stats.json", "REPORT.md", "rejects.jsonl", "dead_letters.jsonl", "_SUCCESS")) {
      assertTrue(files.containsKey(always), always);
    }
    assertFalse(files.keySet().stream().anyMatch(name -> name.startsWith(".temp")), files.keySet().toString());
    assertTrue(run.out.contains("11 transcript files match"), run.out);
    assertTrue(run.out.contains("running on DirectRunner"), run.out);
    assertTrue(run.out.contains("report " + run.output.resolve("REPORT.md")), run.out);
  }

  @Test
  void tagsEachSessionByTheStrongestEvidenceItHas() {
    Map<String, String> roles = new TreeMap<>();
    for (JsonNode record : run.datasetRecords()) {
      JsonNode m = record.get("metadata");
      roles.put(
          m.get("session_id").asText().substring(0, 8) + "/" + m.get("agent_id").asText(),
          m.get("gt_role").asText() + " by " + m.get("role_signal").asText());
    }
    assertEquals(
        Map.of(
            "5accf261/", "mayor by event",
            "2d035f44/", "mayor by cwd",
            "a27c5a21/", "deacon by cwd",
            "bf0c4bb2/", "boot by project_dir",
            "085eb1c4/", "witness by cwd",
            "652f6c2b/", "refinery by cwd",
            "a11b9604/", "crew by event",
            "a11b9604/a3f9c21", "crew by event",
            "eed8aed5/", "polecat by marker",
            "eec003f2/", "unknown by none"),
        roles);
  }

  @Test
  void everyLineAndEverySampleIsAccountedFor() throws IOException {
    JsonNode stats = run.stats();
    long inputLines;
    try (Stream<Path> files = Files.walk(JobRun.TESTDATA)) {
      inputLines =
          files
              .filter(f -> f.toString().endsWith(".jsonl"))
              .mapToLong(f -> lineCount(f))
              .sum();
    }
    assertEquals(inputLines, stats.at("/lines/read").asLong());
    assertEquals(0, RunStats.of(stats).linesBalance());
    assertEquals(0, RunStats.of(stats).samplesBalance());
    assertTrue(stats.at("/accounting/lines_balanced").asBoolean());
    assertEquals(run.datasetRecords().size(), stats.at("/samples/written").asLong());
    assertEquals(run.records("rejects.jsonl").size(), stats.at("/samples/rejected").asLong());
  }

  @Test
  void badLinesBecomeDeadLettersWithFileAndLine() {
    Set<String> letters =
        run.records("dead_letters.jsonl").stream()
            .map(d -> d.get("file").asText() + ":" + d.get("line").asInt() + " " + d.get("reason").asText())
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "-home-user-gt-gastown-witness/085eb1c4-4192-484e-a30e-c4cf0c9b26cd.jsonl:4 invalid-json",
            "town/.events.jsonl:13 invalid-json",
            "gt_home/costs.jsonl:11 missing-field",
            "gt_home/cmd-usage-2026-02-25.jsonl:6 invalid-json"),
        letters);
    assertEquals(4, run.stats().at("/lines/dead_letters").asLong());
  }

  @Test
  void boothsIdenticalTriageIsKeptOnceAndTheFailedApiCallIsLeftOutOfTheWorkAroundIt() {
    JsonNode stats = run.stats();
    assertEquals(1, stats.at("/samples/duplicates").asLong());
    assertEquals(1, stats.at("/roles/boot/duplicates").asLong());
    assertEquals(List.of(), run.records("rejects.jsonl"));
    assertEquals(1, stats.at("/samples/turns_not_trained/api-error").asLong());
    // The polecat's "continue" after the failed call joins its task; its review is trained.
    JsonNode polecat =
        run.datasetRecords().stream().filter(r -> r.at("/metadata/gt_role").asText().equals("polecat")).findFirst().orElseThrow();
    assertTrue(polecat.at("/messages/1/content").asText().endsWith("\n\ncontinue"), polecat::toString);
    assertFalse(polecat.toString().contains("API Error"), polecat::toString);
  }

  @Test
  void noPersonalDataOfTheTownReachesAnyOutputAndItsStandInsStayAsWritten() {
    List<String> personal = List.of("jane.doe" + "@acme-corp.io", "/home/" + "ubuntu", "-home-" + "ubuntu");
    // The bundled town's credentials are spelled FAKE...EXAMPLE: stand-ins, which a scrubber
    // keeps so that the model learns the code as written. Real-shaped ones: PlantedSecretsJobTest.
    List<String> standIns = List.of("AKIA" + "IOSFODNN7EXAMPLE", "gh" + "p_FAKEexample0123456789FAKEexample0123", "FAKEpassw0rd" + "EXAMPLE");
    StringBuilder all = new StringBuilder();
    for (Map.Entry<String, byte[]> file : run.files().entrySet()) {
      String content = new String(file.getValue(), StandardCharsets.UTF_8);
      all.append(content);
      for (String leak : personal) {
        assertFalse(content.contains(leak), leak + " leaked into " + file.getKey());
      }
    }
    for (String standIn : standIns) {
      assertTrue(all.toString().contains(standIn), standIn + " was altered");
    }
    JsonNode redactions = run.stats().get("redactions");
    for (String rule : List.of("email", "home-dir")) {
      assertTrue(redactions.path(rule).asLong() > 0, rule + " never fired: " + redactions);
    }
  }

  @Test
  void everyRecordIsAWellFormedChatThatTheSplitAndFileAgreeOn() throws IOException {
    Map<String, String> splitOfSession = new TreeMap<>();
    for (String file : run.files().keySet()) {
      if (!file.endsWith("_train.jsonl") && !file.endsWith("_val.jsonl")) {
        continue;
      }
      for (JsonNode record : run.records(file)) {
        JsonNode m = record.get("metadata");
        for (String field : List.of("session_id", "gt_role", "split", "content_sha256", "role_signal")) {
          assertFalse(m.path(field).asText().isEmpty(), field + " in " + file);
        }
        assertEquals(file, m.get("gt_role").asText() + "_" + m.get("split").asText() + ".jsonl");
        assertEquals(64, m.get("content_sha256").asText().length());
        String earlier = splitOfSession.put(m.get("session_id").asText(), m.get("split").asText());
        assertTrue(earlier == null || earlier.equals(m.get("split").asText()), "a session in both splits");
        assertWellFormed(record.get("messages"));
      }
    }
    assertEquals("val", splitOfSession.get("2d035f44-9c58-4958-a18a-48c7ae3a1d77"));
  }

  @Test
  void samplesCarryTheirSessionsCost() {
    Map<String, String> costs = new TreeMap<>();
    for (JsonNode record : run.datasetRecords()) {
      JsonNode m = record.get("metadata");
      costs.put(m.get("session_id").asText().substring(0, 8), m.get("cost_usd").asText());
    }
    // The latest of the mayor's cumulative records, exact to the micro-dollar.
    assertEquals("0.871535", costs.get("5accf261"));
    assertEquals("0.64", costs.get("eed8aed5"));
    assertEquals("null", costs.get("eec003f2"));
    assertEquals(1, run.stats().at("/costs/records_unmatched").asLong());
  }

  @Test
  void statsNameEverySourceAndWhereItWasRead() {
    JsonNode sources = run.stats().get("sources");
    assertTrue(sources.at("/events/found").asBoolean());
    assertTrue(sources.at("/events/path").asText().endsWith("testdata/town/.events.jsonl"));
    assertEquals(12, sources.at("/events/records").asLong());
    assertEquals(10, sources.at("/costs/records").asLong());
    assertEquals(2, sources.at("/cmd_usage/files").asLong());
    assertEquals(11, sources.at("/sessions/files").asLong());
  }

  @Test
  void theReportNamesSessionsTurnsAndSamplesSeparately() throws IOException {
    String report = Files.readString(run.output.resolve("REPORT.md"));
    JsonNode stats = run.stats();
    assertTrue(report.startsWith("# Data Availability Report"));
    assertTrue(report.contains("| Sessions | " + stats.at("/sessions/total").asLong() + " |"), report);
    assertTrue(report.contains("| Turns (user and assistant messages) | " + stats.at("/sessions/turns").asLong() + " |"));
    assertTrue(report.contains("| mayor | 2 | 2 |"), report);
    assertTrue(report.contains("`mayor_val.jsonl`: 1 sample"), report);
    assertTrue(report.contains("`mayor_train.jsonl`: 1 sample (below OpenAI's minimum of 10)"), report);
    assertTrue(report.contains("## Observations") && report.contains("## Recommendations"));
  }

  @Test
  void aSecondRunWritesTheSameBytesWhateverTheParallelismAndTheGroupsOfFiles() {
    JobRun again = JobRun.onTestdata(work.resolve("again"), "--targetParallelism=1", "--fileGroups=3");
    assertEquals(0, again.exitCode, again::toString);
    Map<String, byte[]> first = run.files();
    Map<String, byte[]> second = again.files();
    assertEquals(first.keySet(), second.keySet());
    for (String name : first.keySet()) {
      assertArrayEquals(first.get(name), second.get(name), name);
    }
  }

  @Test
  void theOutputIsAHuggingFaceDatasetWhoseCardNamesEveryRoleFile() throws IOException {
    String card = Files.readString(run.output.resolve("README.md"));
    assertTrue(card.startsWith("---\n"), card);
    String front = card.substring(4, card.indexOf("\n---\n", 4));
    Map<String, List<String>> configs = new TreeMap<>();
    String config = null;
    for (String line : front.split("\n")) {
      if (line.startsWith("- config_name: ")) {
        config = line.substring("- config_name: ".length());
        configs.put(config, new ArrayList<>());
      } else if (config != null && line.startsWith("    - ")) {
        configs.get(config).add(line.substring(6));
      }
    }
    List<String> roleFiles = TrainerRules.datasetFiles(run);
    Set<String> named = new TreeSet<>();
    for (Map.Entry<String, List<String>> c : configs.entrySet()) {
      for (String file : c.getValue()) {
        assertTrue(Files.isRegularFile(run.output.resolve(file)), c.getKey() + " names " + file);
        assertTrue(c.getKey().equals("all") || file.startsWith(c.getKey() + "_"), c.getKey() + ": " + file);
        named.add(file);
      }
    }
    assertEquals(new TreeSet<>(roleFiles), named, "every role file, and nothing else, in the configs");
    assertEquals(new TreeSet<>(roleFiles), new TreeSet<>(configs.get("all")), "all: every role as one table");
    assertTrue(front.contains("- config_name: all\n  default: true\n"), front);
    assertTrue(front.contains("  - split: validation\n    path:\n    - mayor_val.jsonl"), front);
    assertTrue(card.contains("**Format: `chat`.**") && card.contains("| `mayor` | 1 | 1 |"), card);
    assertTrue(card.contains("`crew_train.jsonl` has 2 samples: below the 10 examples OpenAI"), card);
    assertTrue(card.contains("[REPORT.md](REPORT.md)"), card);
  }

  @Test
  void everyFormatMeetsItsTrainersRules() {
    JobRun strict =
        JobRun.onTestdata(work.resolve("strict"), "--format=openai", "--toolCallIds=short", "--toolCallsPerMessage=one");
    assertEquals(0, strict.exitCode, strict::toString);
    assertEquals(List.of(), TrainerRules.runViolations(run, strict));
    Map<String, Long> figures = TrainerRules.figures(run);
    assertTrue(figures.get("calls") > 20 && figures.get("text_beside_calls") > 0, figures.toString());
  }

  @Test
  void shareGptRecordsAlternateHumanAndGptAndListTheirRolesTools() throws IOException {
    JobRun sharegpt = JobRun.onTestdata(work.resolve("sharegpt"), "--format=sharegpt");
    assertEquals(0, sharegpt.exitCode, sharegpt::toString);
    for (JsonNode record : sharegpt.datasetRecords()) {
      JsonNode tools = Json.MAPPER.readTree(record.get("tools").asText());
      assertTrue(tools.isArray(), "LLaMA-Factory reads tools as a JSON string of a list");
      tools.forEach(t -> assertFalse(t.path("description").asText().isBlank(), t.toString()));
      JsonNode turns = record.get("conversations");
      assertEquals("system", turns.get(0).get("from").asText());
      for (int i = 1; i < turns.size(); i++) {
        assertEquals(i % 2 == 1 ? "human" : "gpt", turns.get(i).get("from").asText(), record.toString());
      }
      assertEquals("gpt", turns.get(turns.size() - 1).get("from").asText());
    }
  }

  /** Starts with system then user, ends on an assistant that asks nothing, every call answered. */
  static void assertWellFormed(JsonNode messages) throws IOException {
    assertEquals("system", messages.get(0).get("role").asText());
    assertEquals("user", messages.get(1).get("role").asText());
    JsonNode last = messages.get(messages.size() - 1);
    assertEquals("assistant", last.get("role").asText());
    assertFalse(last.has("tool_calls"));
    Set<String> pending = new HashSet<>();
    for (JsonNode message : messages) {
      String role = message.get("role").asText();
      if (role.equals("tool")) {
        assertTrue(pending.remove(message.get("tool_call_id").asText()), "orphan reply " + message);
        continue;
      }
      assertTrue(pending.isEmpty(), "a call left unanswered before " + message);
      for (JsonNode call : message.path("tool_calls")) {
        pending.add(call.get("id").asText());
        assertTrue(call.at("/function/arguments").isObject(), "chat templates read arguments as objects");
      }
    }
    assertTrue(pending.isEmpty());
  }

  private static long lineCount(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      long lines = 0;
      for (byte b : bytes) {
        if (b == '\n') {
          lines++;
        }
      }
      return bytes.length > 0 && bytes[bytes.length - 1] != '\n' ? lines + 1 : lines;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
