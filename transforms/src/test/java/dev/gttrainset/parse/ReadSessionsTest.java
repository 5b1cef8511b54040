package dev.gttrainset.parse;

import static dev.gttrainset.testing.Transcript.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.TestPipelineExtension;
import dev.gttrainset.testing.Transcript;
import dev.gttrainset.parse.RunWindow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ReadSessionsTest {
  @TempDir Path projects;

  private void write(String relative, String content) throws IOException {
    Path file = projects.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  private void writeGzip(String relative, String content) throws IOException {
    Path file = projects.resolve(relative);
    Files.createDirectories(file.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void readsPlainGzippedAndSubagentFilesWithDeadLettersAndCounts(TestPipeline pipeline) throws IOException {
    write("-home-u-gt-mayor/s1.jsonl", Transcript.session("s1").user("a").assistant("m1", text("b")).text() + "oops\n");
    writeGzip("-home-u-gt-deacon/s2.jsonl.gz", Transcript.session("s2").user("c").assistant("m2", text("d")).text());
    write(
        "-home-u-gt-mayor/s1/subagents/agent-x1.jsonl",
        Transcript.session("s1").agent("x1").user("e").assistant("m3", text("f")).text());
    write("-home-u-gt-mayor/notes.txt", "not a transcript\n");

    PCollectionTuple read =
        pipeline.apply(ReadSessions.from(SessionRoots.single(projects + "/**", projects.toString()), RunWindow.everything()));

    PAssert.that(read.get(ReadSessions.CONVERSATIONS))
        .satisfies(
            conversations -> {
              Set<String> seen =
                  StreamSupport.stream(conversations.spliterator(), false)
                      .map(c -> c.sessionId() + "/" + c.agentId() + " " + c.sourceFile())
                      .collect(Collectors.toSet());
              assertEquals(
                  Set.of(
                      "s1/ -home-u-gt-mayor/s1.jsonl",
                      "s2/ -home-u-gt-deacon/s2.jsonl.gz",
                      "s1/x1 -home-u-gt-mayor/s1/subagents/agent-x1.jsonl"),
                  seen);
              return null;
            });
    PAssert.that(read.get(ReadSessions.DEAD_LETTERS))
        .containsInAnyOrder(
            DeadLetter.create(
                "sessions", "-home-u-gt-mayor/s1.jsonl", 3, "invalid-json",
                "Unrecognized token 'oops': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')",
                "oops"));
    PAssert.that(read.get(ReadSessions.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(
            List.of(
                KV.of(StatKeys.FILES_READ, 3L),
                KV.of(StatKeys.FILES_IGNORED, 1L),
                KV.of(StatKeys.window("sessions_in_window"), 2L),
                KV.of(StatKeys.LINES_READ, 7L),
                KV.of(StatKeys.LINES_USED, 6L),
                KV.of(StatKeys.LINES_DEAD_LETTERS, 1L),
                KV.of(StatKeys.deadLetters("invalid-json"), 1L),
                KV.of(StatKeys.CONVERSATIONS, 3L),
                KV.of(StatKeys.recordType("user"), 3L),
                KV.of(StatKeys.recordType("assistant"), 3L),
                KV.of(StatKeys.ORPHAN_TOOL_RESULTS, 0L),
                KV.of(StatKeys.PARENT_UUID_CYCLES, 0L),
                KV.of(StatKeys.source("sessions", "files"), 3L),
                KV.of(StatKeys.source("sessions", "lines"), 7L),
                KV.of(StatKeys.source("sessions", "records"), 6L),
                KV.of(StatKeys.source("sessions", "dead_letters"), 1L)));
    pipeline.run().waitUntilFinish();
  }
}
