package dev.gttrainset.pipeline;

import static dev.gttrainset.testing.Transcript.bash;
import static dev.gttrainset.testing.Transcript.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.report.RunStats;
import dev.gttrainset.testing.Transcript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything a real town's disk can hold that is not a clean transcript, in one corpus: every kind
 * ends as a dead letter with file and line, or as a skip counted with its reason, and the run
 * finishes with every line accounted for.
 */
class BadInputCorpusTest {
  /** Each kind of bad input, and the statistic that must show it. */
  static final Map<String, String> KINDS = new LinkedHashMap<>();

  @TempDir static Path work;
  static Path projects;
  static JobRun run;
  static JsonNode stats;

  private static Path file(String name) throws IOException {
    Path file = projects.resolve("-home-ubuntu-gt-mayor").resolve(name);
    Files.createDirectories(file.getParent());
    return file;
  }

  private static void kind(String kind, String statistic, String fileName, byte[] content) throws IOException {
    KINDS.put(kind, statistic);
    if (fileName != null) {
      Files.write(file(fileName), content);
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** A clean exchange of its own (no two are duplicates), beside which the bad input sits. */
  private static String good(String session) {
    return Transcript.session(session)
        .user("Run the patrol for " + session + ".")
        .assistant("m-" + session, text("Patrol of " + session + " complete, all agents healthy."))
        .text();
  }

  @BeforeAll
  static void buildTheCorpusAndRun() throws IOException {
    projects = work.resolve("projects");
    kind("truncated last line (file being written)", "/lines/skipped/unterminated-last-line",
        "truncated.jsonl", utf8(good("truncated") + "{\"type\":\"user\",\"message\":{\"content\":\"half"));
    kind("invalid JSON", "/dead_letters/invalid-json", "invalid.jsonl", utf8(good("invalid") + "{not json at all}\n"));
    ByteArrayOutputStream binary = new ByteArrayOutputStream();
    binary.write(utf8(good("binary")));
    binary.write(new byte[] {'{', '"', 'x', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}', '\n'});
    kind("invalid UTF-8 bytes", "/dead_letters/invalid-utf8", "binary.jsonl", binary.toByteArray());
    kind("UTF-8 BOM", "sample:bom", "bom.jsonl", utf8("\uFEFF" + good("bom")));
    kind("CRLF endings", "sample:crlf", "crlf.jsonl", utf8(good("crlf").replace("\n", "\r\n")));
    kind("blank lines", "/lines/skipped/blank", "blank.jsonl", utf8("\n\n" + good("blank") + "\n   \n"));
    kind("a 50 MB single line", "/dead_letters/line-too-long", null, null);
    try (OutputStream out = Files.newOutputStream(file("huge.jsonl"))) {
      out.write(utf8(good("huge") + "{\"type\":\"user\",\"message\":{\"content\":\""));
      byte[] block = utf8("x".repeat(1 << 20));
      for (int i = 0; i < 50; i++) {
        out.write(block);
      }
      out.write(utf8("\"}}\n"));
    }
    kind("JSON nested 10,000 deep", "/dead_letters/json-limit-exceeded", "deep.jsonl",
        utf8(good("deep") + "{\"type\":\"user\",\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}\n"));
    kind("content a number", "/lines/skipped/user-without-content", "number.jsonl",
        utf8(good("number") + "{\"type\":\"user\",\"uuid\":\"n1\",\"message\":{\"role\":\"user\",\"content\":42}}\n"));
    kind("message a string", "/lines/skipped/user-without-content", "string.jsonl",
        utf8(good("string") + "{\"type\":\"user\",\"uuid\":\"s1\",\"message\":\"hello\"}\n"));
    kind("missing fields (no type)", "/dead_letters/missing-type", "notype.jsonl",
        utf8(good("notype") + "{\"uuid\":\"t1\",\"message\":{\"content\":\"hi\"}}\n"));
    kind("missing fields (no message)", "/lines/skipped/assistant-without-content", "nomessage.jsonl",
        utf8(good("nomessage") + "{\"type\":\"assistant\",\"uuid\":\"a9\"}\n"));
    kind("unknown record types", "/lines/skipped/hologram", "hologram.jsonl",
        utf8(good("hologram") + "{\"type\":\"hologram\",\"uuid\":\"h1\"}\n"));
    String repeated = good("repeated");
    kind("repeated uuids", "/lines/skipped/duplicate-uuid", "repeated.jsonl", utf8(repeated + repeated));
    kind("parentUuid cycle", "/sessions/parent_uuid_cycles", "cycle.jsonl",
        utf8("{\"type\":\"user\",\"uuid\":\"c1\",\"parentUuid\":\"c2\",\"message\":{\"role\":\"user\",\"content\":\"Who goes first?\"}}\n"
            + "{\"type\":\"assistant\",\"uuid\":\"c2\",\"parentUuid\":\"c1\",\"message\":{\"id\":\"mc\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Neither of us, it seems.\"}]}}\n"));
    kind("tool results without a call", "/sessions/orphan_tool_results_dropped", "orphan.jsonl",
        utf8(Transcript.session("orphan").user("Go.").toolResult("toolu_nobody", "lost").assistant("m", text("Done, nothing to report.")).text()));
    kind("calls without a result", "/sessions/unanswered_tool_calls_dropped", "unanswered.jsonl",
        utf8(Transcript.session("unanswered").user("Go.").assistant("m", text("Running it."), bash("toolu_x", "make")).text()));
    kind("empty files", "/files/empty", "empty.jsonl", new byte[0]);
    kind("a folder named x.jsonl", "/files/not_read/folder-named-like-a-transcript", null, null);
    Files.createDirectories(projects.resolve("-home-ubuntu-gt-mayor/x.jsonl"));
    kind("an unreadable file", "/dead_letters/read-error", null, null);
    Files.createSymbolicLink(file("unreadable.jsonl"), Paths.get("/proc/self/mem"));
    kind("a symlink loop", "/files/seen_again_through_links", null, null);
    Files.createSymbolicLink(projects.resolve("-home-ubuntu-gt-mayor/loop"), Paths.get(".."));
    kind("a link to nothing", "/files/not_read/link-to-nothing", null, null);
    Files.createSymbolicLink(file("dangling.jsonl"), work.resolve("nowhere.jsonl"));
    kind("a corrupt .gz", "/dead_letters/corrupt-archive", "corrupt.jsonl.gz",
        new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8});
    kind("non-Gas-Town sessions mixed in", "/roles/unknown/sessions", null, null);
    Path blog = projects.resolve("-home-ubuntu-blog/blog.jsonl");
    Files.createDirectories(blog.getParent());
    Files.writeString(blog, Transcript.session("blog").cwd("/home/ubuntu/blog").user("Add RSS.").assistant("m", text("Added an RSS feed at /feed.xml.")).text());

    Path town = Files.createDirectories(work.resolve("town"));
    Path gt = Files.createDirectories(work.resolve("gt"));
    kind("a bad line in .events.jsonl", "/sources/events/dead_letters", null, null);
    Files.writeString(town.resolve(".events.jsonl"), "{\"ts\":\"2026-02-25T09:00:00Z\",\"type\":\"spawn\",\"actor\":\"gt\"}\n{\"ts\":\n");
    kind("a bad line in costs.jsonl", "/sources/costs/dead_letters", null, null);
    Files.writeString(gt.resolve("costs.jsonl"), "{\"session_id\":\"hq-mayor\",\"role\":\"mayor\"}\n");
    kind("a bad line in cmd-usage.jsonl", "/sources/cmd_usage/dead_letters", null, null);
    Files.writeString(gt.resolve("cmd-usage.jsonl"), "[\"not\",\"an\",\"object\"]\n");

    run =
        JobRun.of(
            work.resolve("out"),
            "--sessions=" + projects,
            "--town=" + town,
            "--gtHome=" + gt,
            "--townRoot=/home/ubuntu/gt",
            "--maxDeadLetterRatio=1");
    assertEquals(Main.EXIT_OK, run.exitCode, run::toString);
    stats = run.stats();
  }

  @Test
  void everyKindIsADeadLetterOrACountedSkip() {
    StringBuilder table = new StringBuilder("| Kind | Statistic | Count |\n|---|---|---:|\n");
    Set<String> missing = new TreeSet<>();
    KINDS.forEach(
        (kind, statistic) -> {
          long count =
              statistic.startsWith("sample:")
                  ? samplesOf(statistic.substring("sample:".length()))
                  : stats.at(statistic).asLong();
          table.append("| ").append(kind).append(" | `").append(statistic).append("` | ").append(count).append(" |\n");
          if (count <= 0) {
            missing.add(kind + " (" + statistic + ")");
          }
        });
    System.out.println(table);
    assertEquals(Set.of(), missing, table::toString);
  }

  private static long samplesOf(String session) {
    return run.datasetRecords().stream().filter(r -> r.at("/metadata/session_id").asText().equals(session)).count();
  }

  @Test
  void everyLineIsAccountedForAndEveryDeadLetterSaysWhere() {
    assertEquals(0, RunStats.of(stats).linesBalance(), stats.get("lines").toString());
    assertEquals(0, RunStats.of(stats).samplesBalance());
    List<JsonNode> letters = run.records("dead_letters.jsonl");
    assertEquals(
        stats.at("/lines/dead_letters").asLong() + stats.at("/files/failed").asLong(), letters.size());
    for (JsonNode letter : letters) {
      assertFalse(letter.get("file").asText().isEmpty(), letter.toString());
      assertTrue(letter.get("line").asLong() >= 1, letter.toString());
      assertFalse(letter.get("reason").asText().isEmpty(), letter.toString());
      assertTrue(letter.get("excerpt").asText().length() <= 241, letter.toString());
    }
    // The 50 MB line stays a bounded excerpt; no sample carries it.
    assertTrue(letters.stream().anyMatch(l -> l.get("reason").asText().equals("line-too-long")));
  }

  @Test
  void aLinkLoopDoesNotMultiplySessions() {
    Map<String, Set<String>> filesOfSession = new LinkedHashMap<>();
    for (JsonNode record : run.datasetRecords()) {
      filesOfSession
          .computeIfAbsent(record.at("/metadata/session_id").asText(), s -> new TreeSet<>())
          .add(record.at("/metadata/source_file").asText());
    }
    filesOfSession.forEach((session, files) -> assertEquals(1, files.size(), session + " read as " + files));
    assertEquals(1, samplesOf("bom"));
  }

  @Test
  void tooManyDeadLettersFailTheRunWithExitTwo() {
    JobRun strict =
        JobRun.of(
            work.resolve("strict"),
            "--sessions=" + projects,
            "--town=" + work.resolve("town"),
            "--gtHome=" + work.resolve("gt"));
    assertEquals(Main.EXIT_USAGE, strict.exitCode, strict::toString);
    assertTrue(strict.err.contains("above --maxDeadLetterRatio=0.05"), strict.err);
    assertFalse(Files.exists(strict.output.resolve("_SUCCESS")));
  }
}
