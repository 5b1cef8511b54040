package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed (SIGKILL) at random moments leaves no {@code _SUCCESS} and no half-written file in
 * the output folder, and its rerun gives what an undisturbed run gives.
 */
class KilledRunsTest {
  private static final int KILLS = 6;

  @TempDir Path work;

  @Test
  void aRunKilledAtARandomMomentPublishesNothingPartialAndItsRerunCompletes() throws Exception {
    JobRun reference = JobRun.onTestdata(work.resolve("reference"));
    assertEquals(Main.EXIT_OK, reference.exitCode, reference::toString);
    Map<String, byte[]> expected = published(reference.output);

    // An undisturbed run in a JVM of its own: the same bytes, how long a whole run takes, and
    // when it starts writing (its staging folder appears).
    long start = System.nanoTime();
    Path wholeOutput = work.resolve("whole");
    Process whole = JobRun.launch(work.resolve("whole.log"), wholeOutput, JobRun.testdataArgs());
    long writingNanos = -1;
    while (!whole.waitFor(5, TimeUnit.MILLISECONDS)) {
      if (writingNanos < 0 && Files.isDirectory(wholeOutput.resolve(OutputFolder.STAGING))) {
        writingNanos = System.nanoTime() - start;
      }
      assertTrue(System.nanoTime() - start < TimeUnit.MINUTES.toNanos(5), "the undisturbed run hangs");
    }
    long runNanos = System.nanoTime() - start;
    assertEquals(0, whole.exitValue(), () -> log("whole.log"));
    assertTrue(writingNanos > 0, "the undisturbed run was never seen writing");
    assertSamePublished(expected, wholeOutput);

    long seed = Long.getLong("gt.kill.seed", System.nanoTime());
    Random random = new Random(seed);
    List<String> moments = new ArrayList<>();
    for (int kill = 0; kill < KILLS; kill++) {
      // Half at a moment of the whole run, from JVM start-up on; half at a moment after the run
      // starts writing, while it writes, checks and moves its files.
      Path output = work.resolve("killed-" + kill);
      String logName = "killed-" + kill + ".log";
      long launched = System.nanoTime();
      Process run = JobRun.launch(work.resolve(logName), output, JobRun.testdataArgs());
      boolean whileWriting = kill % 2 == 1;
      if (whileWriting) {
        while (run.isAlive() && !Files.isDirectory(output.resolve(OutputFolder.STAGING))) {
          Thread.sleep(2);
        }
      }
      long span = whileWriting ? runNanos - writingNanos : runNanos;
      long delayNanos = (long) (random.nextDouble() * span * 1.05);
      boolean finished = run.waitFor(delayNanos, TimeUnit.NANOSECONDS);
      if (!finished) {
        run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      long killedAt = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
      String what = finished ? "finished first" : describe(output);
      moments.add(String.format("%6d ms%s: %s", killedAt, whileWriting ? " (writing)" : "", what));

      if (finished) {
        assertEquals(0, run.exitValue(), () -> log(logName));
      }
      if (Files.exists(output.resolve(OutputFolder.SUCCESS))) {
        // Finished, or killed between _SUCCESS and the JVM's exit: then everything is there.
        assertSamePublished(expected, output);
      } else {
        // Whatever reached the output folder is a whole file, the same as the undisturbed run's.
        for (Map.Entry<String, byte[]> file : published(output).entrySet()) {
          assertTrue(expected.containsKey(file.getKey()), "killed at " + killedAt + " ms: unexpected " + file.getKey());
          assertArrayEquals(expected.get(file.getKey()), file.getValue(), "killed at " + killedAt + " ms: " + file.getKey());
        }
      }

      JobRun rerun = JobRun.onTestdata(output);
      assertEquals(Main.EXIT_OK, rerun.exitCode, rerun::toString);
      assertSamePublished(expected, output);
      assertFalse(Files.exists(output.resolve(OutputFolder.STAGING)), "the staging folder is gone after a run");
    }
    System.out.printf(
        "killed runs (seed %d, -Dgt.kill.seed to repeat; an undisturbed run writes from %d ms and ends at %d ms):%n  %s%n",
        seed, TimeUnit.NANOSECONDS.toMillis(writingNanos), TimeUnit.NANOSECONDS.toMillis(runNanos), String.join("\n  ", moments));
  }

  /** Where the run was when it died, from what it left. */
  private static String describe(Path output) throws IOException {
    if (!Files.exists(output)) {
      return "killed before it looked at the output";
    }
    if (Files.exists(output.resolve(OutputFolder.SUCCESS))) {
      return "killed after _SUCCESS, as its JVM exited";
    }
    int staged = countFiles(output.resolve(OutputFolder.STAGING));
    int published = published(output).size();
    return String.format("killed with %d files staged, %d published", staged, published);
  }

  private static int countFiles(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return 0;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      return (int) all.filter(Files::isRegularFile).count();
    }
  }

  /** The files in the output folder itself, the staging folder left out. */
  private static Map<String, byte[]> published(Path output) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    if (!Files.isDirectory(output)) {
      return files;
    }
    try (Stream<Path> entries = Files.list(output)) {
      for (Path file : (Iterable<Path>) entries.filter(Files::isRegularFile).sorted()::iterator) {
        files.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static void assertSamePublished(Map<String, byte[]> expected, Path output) throws IOException {
    Map<String, byte[]> actual = published(output);
    assertEquals(expected.keySet(), actual.keySet());
    for (String name : expected.keySet()) {
      assertArrayEquals(expected.get(name), actual.get(name), name);
    }
  }

  private String log(String name) {
    try {
      return Files.readString(work.resolve(name));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
