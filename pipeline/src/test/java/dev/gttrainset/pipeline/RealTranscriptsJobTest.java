package dev.gttrainset.pipeline;

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
import java.nio.file.Paths;
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
 * The job on real transcripts written by Claude Code itself, as a specification: these files in
 * ({@code ../shared/testdata/claude-public} and {@code claude-entire}, beside the clone, plus an
 * earlier checkpoint of one Entire session), these sessions, these samples, these stats out. The
 * expected figures are read off the inputs here, with this test's own reading of the format.
 */
class RealTranscriptsJobTest {
  static final Path SHARED = Paths.get("..", "..", "shared", "testdata").toAbsolutePath().normalize();
  /** A long Entire session; the test adds an earlier checkpoint of it, which must not be read. */
  static final String CHECKPOINTED = "entireio__cli/26/dcd5518fea/0/full.jsonl";

  @TempDir static Path work;
  static Path sessions;
  static JobRun run;
  /** The same input for OpenAI's upload, Mistral's ids and Llama 3.1's one call per message. */
  static JobRun strict;
  static Map<String, Long> typesInInput = new TreeMap<>();
  static Set<String> sessionIdsInInput = new TreeSet<>();
  static Set<String> entireSessionIds = new TreeSet<>();
  static long linesInInput;
  static long filesInInput;
  static long mainAssistantChars;

  @BeforeAll
  static void runTheJob() throws IOException {
    sessions = work.resolve("sessions");
    Files.createDirectories(sessions);
    for (String corpus : List.of("claude-public", "claude-entire")) {
      Path input = SHARED.resolve(corpus);
      assertTrue(Files.isDirectory(input), "CI puts ../shared beside the clone; missing: " + input);
      Files.createSymbolicLink(sessions.resolve(corpus), input);
      try (Stream<Path> files = Files.walk(input)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).collect(Collectors.toList())) {
          read(file);
        }
      }
    }
    // Entire keeps every checkpoint whole: an earlier one is the later one's first half.
    List<String> lines = Files.readAllLines(SHARED.resolve("claude-entire").resolve(CHECKPOINTED));
    Path earlier = sessions.resolve("checkpoints/26/dcd5518fea/0/full.jsonl");
    Files.createDirectories(earlier.getParent());
    Files.write(earlier, lines.subList(0, lines.size() / 2));
    run = onTheSessions("out");
    strict = onTheSessions("out-strict", "--format=openai", "--toolCallIds=short", "--toolCallsPerMessage=one");
  }

  /** The job on the real transcripts alone: no town, no Gas Town logs. */
  private static JobRun onTheSessions(String output, String... extra) {
    List<String> args = new java.util.ArrayList<>(
        List.of("--sessions=" + sessions, "--town=" + work.resolve("no-town"), "--gtHome=" + work.resolve("no-gt")));
    args.addAll(List.of(extra));
    JobRun done = JobRun.of(work.resolve(output), args.toArray(new String[0]));
    assertEquals(0, done.exitCode, done::toString);
    return done;
  }

  @Test
  void everyFormatMeetsItsTrainersRules() {
    assertEquals(List.of(), TrainerRules.runViolations(run, strict));
    Map<String, Long> figures = TrainerRules.figures(run);
    assertTrue(figures.get("several_calls") > 10 && figures.get("text_beside_calls") > 10, figures.toString());
  }

  /** Counts a file's lines and types, its sessions, and its main agent's assistant text. */
  private static void read(Path file) throws IOException {
    filesInInput++;
    boolean subagent = file.toString().contains("/subagents/");
    Set<String> seen = new HashSet<>();
    for (String line : Files.readAllLines(file)) {
      linesInInput++;
      JsonNode node;
      try {
        node = Json.MAPPER.readTree(line);
      } catch (IOException notJson) {
        typesInInput.merge("<not json>", 1L, Long::sum);
        continue;
      }
      typesInInput.merge(node.path("type").asText("<none>"), 1L, Long::sum);
      if (!node.path("sessionId").asText().isEmpty()) {
        sessionIdsInInput.add(node.path("sessionId").asText());
        if (file.startsWith(SHARED.resolve("claude-entire"))) {
          entireSessionIds.add(node.path("sessionId").asText());
        }
      }
      JsonNode message = node.path("message");
      boolean failedCall = node.path("isApiErrorMessage").asBoolean() || message.path("model").asText().equals("<synthetic>");
      if (subagent || !node.path("type").asText().equals("assistant") || node.path("isSidechain").asBoolean() || failedCall) {
        continue;
      }
      for (JsonNode block : message.path("content")) {
        String text = block.path("type").asText().equals("text") ? block.path("text").asText().strip() : "";
        if (!text.isEmpty() && seen.add(message.path("id").asText() + "\u0000" + text)) {
          mainAssistantChars += text.length();
        }
      }
    }
  }

  @Test
  void everyFileIsReadOnceAndEveryLineIsAccountedFor() {
    JsonNode stats = run.stats();
    assertEquals(21, filesInInput, "8 public files and 13 Entire checkpoints");
    assertEquals(filesInInput, stats.at("/files/read").asLong());
    assertEquals(1, stats.at("/files/shorter_copies_not_read").asLong(), "the earlier checkpoint");
    assertEquals(linesInInput, stats.at("/lines/read").asLong());
    assertEquals(0, RunStats.of(stats).linesBalance());
    assertEquals(0, RunStats.of(stats).samplesBalance());
    assertTrue(run.datasetRecords().stream().noneMatch(r -> r.at("/metadata/source_file").asText().startsWith("checkpoints/")));
    String report = new String(run.files().get("REPORT.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("| Transcript files not read (a longer copy holds them) | 1 |"), report);
  }

  @Test
  void oneSessionPerSessionIdWhateverTheFileIsCalled() {
    assertEquals(19, sessionIdsInInput.size(), "6 public sessions and 13 Entire ones: " + sessionIdsInInput);
    assertEquals(sessionIdsInInput.size(), run.stats().at("/sessions/total").asLong());
    Map<String, Set<String>> splits = new TreeMap<>();
    for (JsonNode record : run.datasetRecords()) {
      JsonNode m = record.get("metadata");
      assertTrue(sessionIdsInInput.contains(m.get("session_id").asText()), m::toString);
      splits.computeIfAbsent(m.get("session_id").asText(), s -> new TreeSet<>()).add(m.get("split").asText());
    }
    assertTrue(splits.values().stream().allMatch(s -> s.size() == 1), "one session, one split: " + splits);
    assertEquals(13, entireSessionIds.size(), "13 checkpoints of 13 sessions: " + entireSessionIds);
    Set<String> published = new TreeSet<>(splits.keySet());
    published.retainAll(entireSessionIds);
    // Of the 13 Entire sessions one has a single short exchange that another sample repeats.
    assertEquals(12, published.size(), published::toString);
  }

  @Test
  void theMainAgentsWorkIsTrainedNotRejected() {
    long trained =
        run.datasetRecords().stream()
            .filter(r -> r.at("/metadata/agent_id").asText().isEmpty())
            .mapToLong(TrainerReading::trainedAssistantChars)
            .sum();
    assertTrue(mainAssistantChars > 70_000, "the main agents wrote " + mainAssistantChars);
    assertTrue(trained >= 0.8 * mainAssistantChars, trained + " of " + mainAssistantChars + " characters trained");
    assertEquals(0, run.stats().at("/samples/rejected").asLong(), "nothing rejected for its length");
    // The turns left untrained are those the user interrupted, or whose calls never ran, or failed calls.
    JsonNode untrained = run.stats().at("/samples/turns_not_trained");
    assertEquals(Set.of("api-error", "calls-cut-off", "interrupted"), fieldNames(untrained));
    String report = new String(run.files().get("REPORT.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("| Assistant turns shown but trained nowhere | "), report);
  }

  @Test
  void everyCallIsTrainedInOneSampleAtMost() {
    Map<String, Integer> trained = new TreeMap<>();
    for (JsonNode record : run.datasetRecords()) {
      for (JsonNode m : record.get("messages")) {
        if (m.path("role").asText().equals("assistant") && m.path("weight").asInt(1) == 1 && m.has("tool_calls")) {
          trained.merge(m.at("/tool_calls/0/id").asText(), 1, Integer::sum);
        }
      }
    }
    assertTrue(trained.size() > 300, "trained calls: " + trained.size());
    assertEquals(Map.of(), trained.entrySet().stream().filter(e -> e.getValue() > 1)
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
  }

  @Test
  void everySampleHasATurnOrderEveryTrainerAccepts() {
    List<String> violations = new ArrayList<>();
    for (JsonNode record : run.datasetRecords()) {
      TrainerReading.turnOrderViolations(record)
          .forEach(v -> violations.add(record.at("/metadata/source_file").asText() + "#" + record.at("/metadata/sample_index") + ": " + v));
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void everyEditShowsTheLinesItChangesAndEverySampleFitsTheBudget() throws IOException {
    long edits = 0;
    List<String> missing = new ArrayList<>();
    long budget = run.stats().at("/settings/max_sample_tokens").asLong();
    for (JsonNode record : run.datasetRecords()) {
      edits += TrainerReading.edits(record);
      missing.addAll(TrainerReading.editsWithoutTheirLines(record));
      assertTrue(record.at("/metadata/est_tokens").asLong() <= budget, record.at("/metadata")::toString);
    }
    assertTrue(edits > 50, "real edits: " + edits);
    assertEquals(List.of(), missing);
  }

  @Test
  void onlyTheFourLinesThatAreNotTranscriptRecordsAreDeadLetters() {
    Set<String> letters =
        run.records("dead_letters.jsonl").stream()
            .map(d -> d.get("file").asText() + ":" + d.get("line").asInt())
            .collect(Collectors.toSet());
    String edgeCases = "claude-public/claude-code-log/edge_cases.jsonl:";
    assertEquals(Set.of(edgeCases + 13, edgeCases + 14, edgeCases + 15, edgeCases + 16), letters);
  }

  @Test
  void progressAndQueueOperationsAreCountedAsSkipped() {
    JsonNode skipped = run.stats().at("/lines/skipped");
    for (String type : List.of("progress", "queue-operation", "file-history-snapshot", "summary")) {
      assertEquals(typesInInput.get(type).longValue(), skipped.get(type).asLong(), type);
    }
  }

  @Test
  void theCompactionAgentIsCountedNotTrainedOn() throws IOException {
    Path compaction =
        SHARED.resolve("claude-public/spotter/258c7280-ae70-4798-800f-63464d01a85d/subagents/agent-acompact-fffbd0.jsonl");
    assertEquals(
        Files.readAllLines(compaction).size(), run.stats().at("/lines/skipped/compaction-agent").asLong());
  }

  @Test
  void subagentFilesJoinTheirParentSession() {
    String parent = "258c7280-ae70-4798-800f-63464d01a85d";
    Set<String> agents = new TreeSet<>();
    for (JsonNode record : run.datasetRecords()) {
      JsonNode m = record.get("metadata");
      if (m.get("source_file").asText().contains("/subagents/")) {
        assertEquals(parent, m.get("session_id").asText());
        agents.add(m.get("agent_id").asText());
      }
    }
    assertEquals(Set.of("a881341"), agents);
    assertEquals(1, run.stats().at("/sessions/subagent_conversations").asLong());
    assertFalse(run.datasetRecords().isEmpty());
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
