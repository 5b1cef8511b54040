package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
  @TempDir Path work;

  @Test
  void helpListsTheJobsOptions() {
    JobRun help = JobRun.of(work, "--help");
    assertEquals(Main.EXIT_OK, help.exitCode);
    for (String option : new String[] {"--sessions", "--town", "--gtHome", "--output", "--format", "--valFraction",
        "--maxSampleTokens", "--keepThinking", "--toolCallIds", "--toolCallsPerMessage"}) {
      assertTrue(help.out.contains(option), option);
    }
  }

  @Test
  void badOptionsAndUnusableInputExitWithTwo() throws IOException {
    Path empty = Files.createDirectories(work.resolve("empty"));
    String sessions = "--sessions=" + JobRun.TESTDATA.resolve("claude/projects");
    assertEquals(Main.EXIT_USAGE, JobRun.of(work.resolve("o1"), "--sessions=" + work.resolve("nowhere")).exitCode);
    assertEquals(Main.EXIT_USAGE, JobRun.of(work.resolve("o2"), "--sessions=" + empty).exitCode);
    assertEquals(Main.EXIT_USAGE, JobRun.of(work.resolve("o3"), sessions, "--format=csv").exitCode);
    assertEquals(Main.EXIT_USAGE, JobRun.of(work.resolve("o4"), sessions, "--valFraction=1.5").exitCode);
    assertEquals(Main.EXIT_USAGE, JobRun.of(work.resolve("o5"), sessions, "--noSuchFlag=1").exitCode);
    JobRun ids = JobRun.of(work.resolve("o7"), sessions, "--toolCallIds=uuid");
    assertEquals(Main.EXIT_USAGE, ids.exitCode);
    assertTrue(ids.err.contains("--toolCallIds must be original or short"), ids.err);
    assertEquals(Main.EXIT_USAGE, JobRun.of(work.resolve("o8"), sessions, "--toolCallsPerMessage=two").exitCode);
    assertEquals(Main.EXIT_USAGE, JobRun.of(work.resolve("o9"), sessions, "--fileGroups=0").exitCode);
    JobRun missing = JobRun.of(work.resolve("o6"), "--sessions=" + work.resolve("nowhere"));
    assertTrue(missing.err.contains("does not exist"), missing.err);
    assertFalse(Files.exists(work.resolve("o6").resolve("_SUCCESS")));
  }

  @Test
  void missingGasTownLogsAreReportedNotFatal() throws IOException {
    JobRun run =
        JobRun.of(
            work.resolve("out"),
            "--sessions=" + JobRun.TESTDATA.resolve("claude/projects"),
            "--town=" + work.resolve("no-town"),
            "--gtHome=" + work.resolve("no-gt"));
    assertEquals(Main.EXIT_OK, run.exitCode, run::toString);
    assertFalse(run.stats().at("/sources/events/found").asBoolean());
    String report = Files.readString(run.output.resolve("REPORT.md"));
    assertTrue(report.contains("Town events (`.events.jsonl`) not found: looked at `"), report);
  }

  @Test
  void aRerunReplacesWhatAnEarlierRunLeft() throws IOException {
    Path out = Files.createDirectories(work.resolve("rerun"));
    Files.writeString(out.resolve("ghost_train.jsonl"), "{\"stale\":true}\n");
    Files.writeString(out.resolve("notes.txt"), "the user's own file\n");
    JobRun run = JobRun.onTestdata(out);
    assertEquals(Main.EXIT_OK, run.exitCode, run::toString);
    assertFalse(Files.exists(out.resolve("ghost_train.jsonl")));
    assertTrue(Files.exists(out.resolve("notes.txt")));
  }
}
