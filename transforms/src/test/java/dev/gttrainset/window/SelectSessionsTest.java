package dev.gttrainset.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.parse.Timestamps;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.TestPipelineExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.beam.sdk.io.FileIO;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class SelectSessionsTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @TempDir Path root;

  private void file(String path, String lastRecord, Instant modified) throws IOException {
    Path file = root.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"type\":\"user\",\"timestamp\":\"" + lastRecord + "\"}\n");
    Files.setLastModifiedTime(file, FileTime.from(modified));
  }

  @Test
  void keepsEveryFileOfTheSessionsInTheWindow(TestPipeline pipeline) throws IOException {
    Instant old = Instant.parse("2026-11-24T06:00:00Z");
    file("p/in.jsonl", "2026-11-24T05:00:00Z", old);
    // The subagent ran early, but its session ended in the window: it comes along.
    file("p/in/subagents/agent-a1.jsonl", "2026-11-23T05:00:00Z", old);
    file("p/before.jsonl", "2026-11-22T05:00:00Z", old);
    file("p/busy.jsonl", "2026-11-24T11:58:00Z", NOW.minusSeconds(30));
    file("p/notes.txt", "2026-11-24T05:00:00Z", old);
    RunWindow window =
        RunWindow.of(
            Timestamps.parseMillis("2026-11-24T00:00:00Z"), Timestamps.NONE, 10 * 60_000L, NOW.toEpochMilli());

    String folder = root.toString();
    PCollectionTuple selected =
        pipeline.apply(FileIO.match().filepattern(folder + "/**")).apply(SelectSessions.in(folder, window));

    PAssert.that(selected.get(SelectSessions.SELECTED))
        .satisfies(
            files -> {
              Set<String> names = new TreeSet<>();
              files.forEach(f -> names.add(Path.of(folder).relativize(Path.of(f.resourceId().toString())).toString()));
              assertEquals(Set.of("p/in.jsonl", "p/in/subagents/agent-a1.jsonl"), names);
              return null;
            });
    PAssert.that(selected.get(SelectSessions.STATS).apply(Sum.longsPerKey()))
        .satisfies(
            stats -> {
              Map<String, Long> counts = new TreeMap<>();
              stats.forEach(kv -> counts.put(kv.getKey(), kv.getValue()));
              assertEquals(1L, counts.get(StatKeys.window("sessions_in_window")));
              assertEquals(1L, counts.get(StatKeys.window("sessions_outside_window")));
              assertEquals(1L, counts.get(StatKeys.window("sessions_still_being_written")));
              assertEquals(Timestamps.parseMillis("2026-11-24T11:58:00Z"), counts.get(StatKeys.stillBeingWritten("busy")));
              assertEquals(1L, counts.get(StatKeys.FILES_IGNORED));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
