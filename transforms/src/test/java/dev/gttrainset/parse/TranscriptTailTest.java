package dev.gttrainset.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.parse.Timestamps;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.beam.sdk.io.FileSystems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriptTailTest {
  @TempDir Path folder;

  private static String record(String time) {
    return "{\"type\":\"progress\",\"timestamp\":\"" + time + "\",\"data\":{\"pad\":\"" + "x".repeat(500) + "\"}}\n";
  }

  private long lastOf(Path file) throws IOException {
    return TranscriptTail.of(FileSystems.matchSingleFileSpec(file.toString())).lastRecordMillis();
  }

  @Test
  void readsTheTailOfALargeFile() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 500; i++) {
      text.append(record("2026-02-25T09:00:00Z"));
    }
    text.append(record("2026-02-25T10:30:00.123+01:00"));
    Path file = folder.resolve("big.jsonl");
    Files.writeString(file, text);
    assertEquals(Timestamps.parseMillis("2026-02-25T09:30:00.123Z"), lastOf(file));
  }

  @Test
  void readsThroughACompressedFile() throws IOException {
    Path file = folder.resolve("old.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write((record("2026-02-25T09:00:00Z") + record("2026-02-26T09:00:00Z")).getBytes(StandardCharsets.UTF_8));
    }
    assertEquals(Timestamps.parseMillis("2026-02-26T09:00:00Z"), lastOf(file));
  }

  @Test
  void aFileWithoutTimestampsHasNone() throws IOException {
    Path file = folder.resolve("none.jsonl");
    Files.write(file, List.of("{\"type\":\"summary\",\"summary\":\"x\"}"));
    assertEquals(Timestamps.NONE, lastOf(file));
  }

  @Test
  void namesTheSessionOfTheLastRecordThatNamesOne() throws IOException {
    Path file = folder.resolve("full.jsonl");
    Files.write(
        file,
        List.of(
            "{\"type\":\"user\",\"sessionId\":\"first\",\"timestamp\":\"2026-02-25T09:00:00Z\"}",
            "{\"type\":\"user\",\"sessionId\":\"resumed\",\"timestamp\":\"2026-02-25T10:00:00Z\"}",
            "{\"type\":\"summary\",\"summary\":\"the \\\"sessionId\\\":\\\"quoted\\\" is text\"}"));
    assertEquals("resumed", TranscriptTail.of(FileSystems.matchSingleFileSpec(file.toString())).sessionId());
  }

  @Test
  void findsTheSessionBeforeALongTailWithoutOne() throws IOException {
    StringBuilder text = new StringBuilder("{\"type\":\"user\",\"sessionId\":\"s-1\"}\n");
    for (int i = 0; i < 300; i++) {
      text.append(record("2026-02-25T09:00:00Z"));
    }
    Path file = folder.resolve("long.jsonl");
    Files.writeString(file, text);
    assertEquals("s-1", TranscriptTail.of(FileSystems.matchSingleFileSpec(file.toString())).sessionId());
  }
}
