package dev.gttrainset.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.parse.Timestamps;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.TestPipelineExtension;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
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

  private void assertSelected(PCollectionTuple selected, Set<String> expected) {
    String folder = root.toString();
    PAssert.that(selected.get(SelectSessions.SELECTED))
        .satisfies(
            files -> {
              Set<String> names = new TreeSet<>();
              files.forEach(f -> names.add(Path.of(folder).relativize(Path.of(f.resourceId().toString())).toString()));
              assertEquals(expected, names);
              return null;
            });
  }

  /** A check of the summed stats; PAssert ships it to the runner. */
  private interface StatsCheck extends Consumer<Map<String, Long>>, Serializable {}

  private static void assertStats(PCollectionTuple selected, StatsCheck check) {
    PAssert.that(selected.get(SelectSessions.STATS).apply(Sum.longsPerKey()))
        .satisfies(
            stats -> {
              Map<String, Long> counts = new TreeMap<>();
              stats.forEach(kv -> counts.put(kv.getKey(), kv.getValue()));
              check.accept(counts);
              return null;
            });
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
        pipeline.apply(FileIO.match().filepattern(folder + "/**")).apply(SelectSessions.in(SessionRoots.single(folder + "/**", folder), window));

    assertSelected(selected, Set.of("p/in.jsonl", "p/in/subagents/agent-a1.jsonl"));
    assertStats(
        selected,
        counts -> {
          assertEquals(1L, counts.get(StatKeys.window("sessions_in_window")));
          assertEquals(1L, counts.get(StatKeys.window("sessions_outside_window")));
          assertEquals(1L, counts.get(StatKeys.window("sessions_still_being_written")));
          assertEquals(Timestamps.parseMillis("2026-11-24T11:58:00Z"), counts.get(StatKeys.stillBeingWritten("busy")));
          assertEquals(1L, counts.get(StatKeys.FILES_IGNORED));
        });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void readsTheLongestCopyOfAConversationWhateverItsFilesAreCalled(TestPipeline pipeline) throws IOException {
    Instant old = Instant.parse("2026-11-20T06:00:00Z");
    String early = "{\"type\":\"user\",\"sessionId\":\"s-7\",\"timestamp\":\"2026-11-20T05:00:00Z\"}\n";
    String later = early + "{\"type\":\"assistant\",\"sessionId\":\"s-7\",\"timestamp\":\"2026-11-20T05:01:00Z\"}\n";
    for (String[] f : new String[][] {{"cli/ab/0/full.jsonl", early}, {"cli/ab/1/full.jsonl", later},
        {"cli/cd/0/full.jsonl", early.replace("s-7", "s-8")},
        // Older Claude Code wrote a subagent beside its session, naming the session in its records.
        {"old/s-8.jsonl", early.replace("s-7", "s-8")}, {"old/agent-a1.jsonl", later.replace("s-7", "s-8")}}) {
      Path file = root.resolve(f[0]);
      Files.createDirectories(file.getParent());
      Files.writeString(file, f[1]);
      Files.setLastModifiedTime(file, FileTime.from(old));
    }
    String folder = root.toString();
    PCollectionTuple selected =
        pipeline.apply(FileIO.match().filepattern(folder + "/**"))
            .apply(SelectSessions.in(SessionRoots.single(folder + "/**", folder), RunWindow.of(Timestamps.NONE, Timestamps.NONE, 0, NOW.toEpochMilli())));

    assertSelected(selected, Set.of("cli/ab/1/full.jsonl", "cli/cd/0/full.jsonl", "old/agent-a1.jsonl"));
    assertStats(
        selected,
        counts -> {
          assertEquals(2L, counts.get(StatKeys.FILES_SHORTER_COPIES), "the earlier checkpoint and old/s-8's copy");
          assertEquals(2L, counts.get(StatKeys.window("sessions_in_window")));
        });
    pipeline.run().waitUntilFinish();
  }
}
