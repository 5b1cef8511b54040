package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on real transcripts written by Claude Code itself ({@code ../shared/testdata/claude-public},
 * beside the clone). They are not Gas Town sessions; what matters is that every line is accounted
 * for and only the lines that are not transcript records become dead letters.
 */
class ClaudePublicJobTest {
  static final Path PUBLIC =
      Paths.get("..", "..", "shared", "testdata", "claude-public").toAbsolutePath().normalize();

  @TempDir static Path work;
  static JobRun run;
  static Map<String, Long> typesInInput = new TreeMap<>();
  static long linesInInput;
  static long filesInInput;

  @BeforeAll
  static void runTheJob() throws IOException {
    assertTrue(Files.isDirectory(PUBLIC), "CI puts ../shared beside the clone; missing: " + PUBLIC);
    try (Stream<Path> files = Files.walk(PUBLIC)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).collect(Collectors.toList())) {
        filesInInput++;
        for (String line : Files.readAllLines(file)) {
          linesInInput++;
          try {
            JsonNode node = Json.MAPPER.readTree(line);
            typesInInput.merge(node.path("type").asText("<none>"), 1L, Long::sum);
          } catch (IOException notJson) {
            typesInInput.merge("<not json>", 1L, Long::sum);
          }
        }
      }
    }
    run =
        JobRun.of(
            work.resolve("out"),
            "--sessions=" + PUBLIC,
            "--town=" + work.resolve("no-town"),
            "--gtHome=" + work.resolve("no-gt"));
    assertEquals(0, run.exitCode, run::toString);
  }

  @Test
  void everyFileParsesAndEveryLineIsAccountedFor() {
    JsonNode stats = run.stats();
    assertEquals(filesInInput, stats.at("/files/read").asLong());
    assertTrue(linesInInput > 1_900, "the corpus has 1,900-odd lines: " + linesInInput);
    assertEquals(linesInInput, stats.at("/lines/read").asLong());
    assertEquals(0, StatsDocument.linesBalance(stats));
    assertEquals(0, StatsDocument.samplesBalance(stats));
  }

  @Test
  void onlyTheFourLinesThatAreNotTranscriptRecordsAreDeadLetters() {
    Set<String> letters =
        run.records("dead_letters.jsonl").stream()
            .map(d -> d.get("file").asText() + ":" + d.get("line").asInt())
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "claude-code-log/edge_cases.jsonl:13",
            "claude-code-log/edge_cases.jsonl:14",
            "claude-code-log/edge_cases.jsonl:15",
            "claude-code-log/edge_cases.jsonl:16"),
        letters);
  }

  @Test
  void progressAndQueueOperationsAreCountedAsSkipped() {
    JsonNode skipped = run.stats().at("/lines/skipped");
    assertEquals(typesInInput.get("progress").longValue(), skipped.get("progress").asLong());
    assertEquals(typesInInput.get("queue-operation").longValue(), skipped.get("queue-operation").asLong());
    assertEquals(
        typesInInput.get("file-history-snapshot").longValue(), skipped.get("file-history-snapshot").asLong());
  }

  @Test
  void theCompactionAgentIsCountedNotTrainedOn() throws IOException {
    Path compaction =
        PUBLIC.resolve("spotter/258c7280-ae70-4798-800f-63464d01a85d/subagents/agent-acompact-fffbd0.jsonl");
    assertEquals(
        Files.readAllLines(compaction).size(), run.stats().at("/lines/skipped/compaction-agent").asLong());
  }

  @Test
  void subagentFilesJoinTheirParentSession() {
    String parent = "258c7280-ae70-4798-800f-63464d01a85d";
    Map<String, String> splitByAgent = new TreeMap<>();
    for (JsonNode record : run.datasetRecords()) {
      JsonNode m = record.get("metadata");
      if (m.get("source_file").asText().contains("/subagents/")) {
        assertEquals(parent, m.get("session_id").asText());
        splitByAgent.put(m.get("agent_id").asText(), m.get("split").asText());
      }
    }
    assertEquals(Set.of("a881341"), splitByAgent.keySet());
    assertEquals(1, run.stats().at("/sessions/subagent_conversations").asLong());
    List<String> parentSplits =
        run.datasetRecords().stream()
            .map(r -> r.get("metadata"))
            .filter(m -> m.get("session_id").asText().equals(parent))
            .map(m -> m.get("split").asText())
            .distinct()
            .collect(Collectors.toList());
    assertEquals(1, parentSplits.size(), "one session, one split");
  }
}
