package dev.gttrainset.pipeline;

import static dev.gttrainset.testing.Transcript.bash;
import static dev.gttrainset.testing.Transcript.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import dev.gttrainset.report.RunStats;
import dev.gttrainset.testing.Transcript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three nightly runs over a growing town, as a scheduler runs them: each takes its window's settled
 * sessions into its own partition, leaves a session that is still being written for a later run,
 * never publishes a sample twice, gives the same bytes when rerun, and survives being killed.
 */
class NightlyRunsTest {
  private static final Instant T = Instant.now().truncatedTo(ChronoUnit.MINUTES);
  private static final Instant[] WINDOWS = {
    T.minus(72, ChronoUnit.HOURS), T.minus(48, ChronoUnit.HOURS), T, T.plus(24, ChronoUnit.HOURS)
  };

  @TempDir Path work;

  private Path projects() {
    return work.resolve("projects");
  }

  private Path out() {
    return work.resolve("out");
  }

  /**
   * A finished exchange. Its file last changed when its last record was written, or, for night 3
   * (whose records the test dates after the real clock), a settled while ago.
   */
  private void session(String id, String role, Instant at, String request, String answer) throws IOException {
    Transcript t =
        Transcript.session(id)
            .cwd("/home/ubuntu/gt/" + role)
            .at(at)
            .user(request)
            .assistant("m-" + id, text(answer));
    Instant modified = at.isBefore(T) ? at.plusSeconds(10) : T.minus(20, ChronoUnit.MINUTES);
    write(id, role, t, modified);
  }

  private void write(String id, String role, Transcript t, Instant modified) throws IOException {
    Path file = projects().resolve("-home-ubuntu-gt-" + role).resolve(id + ".jsonl");
    Files.createDirectories(file.getParent());
    Files.writeString(file, t.text());
    Files.setLastModifiedTime(file, FileTime.from(modified));
  }

  private Transcript beingWritten(String id) {
    return Transcript.session(id)
        .cwd("/home/ubuntu/gt/gastown/polecats/toast")
        .at(T.minus(2, ChronoUnit.MINUTES))
        .user("[GAS TOWN] gastown/polecats/toast <- witness • start")
        .assistant("m1-" + id, bash("toolu_" + id, "gt hook"))
        .toolResult("toolu_" + id, "Hooked: gt-abc12")
        .assistant("m2-" + id, text("Working on gt-abc12 now."));
  }

  private String[] night(int window, String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--sessions=" + projects());
    args.add("--town=" + work.resolve("town"));
    args.add("--gtHome=" + work.resolve("gt"));
    args.add("--since=" + WINDOWS[window]);
    args.add("--until=" + WINDOWS[window + 1]);
    args.add("--dedupAgainst=" + out());
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  private Path partition(int window) {
    return out().resolve("dt=" + WINDOWS[window].toString().substring(0, 10));
  }

  @Test
  void threeNightsOverAGrowingTown() throws Exception {
    // Night 1: the mayor and the deacon worked.
    session("a-mayor", "mayor", T.minus(60, ChronoUnit.HOURS), "What is in the queue?", "Two beads wait for review.");
    session("b-deacon", "deacon", T.minus(50, ChronoUnit.HOURS), "Run your patrol.", "All agents are healthy.");
    JobRun first = JobRun.of(out().resolve("dt={date}"), night(0));
    assertEquals(Main.EXIT_OK, first.exitCode, first::toString);
    assertEquals(Set.of("a-mayor", "b-deacon"), sessionsIn(partition(0)));

    // Night 2: a witness session, and a polecat that is still at work when the run starts.
    session("c-witness", "gastown/witness", T.minus(30, ChronoUnit.HOURS), "Patrol the rig.", "Toast is working.");
    write("d-polecat", "gastown/polecats/toast", beingWritten("d-polecat"), Instant.now());
    JobRun second = JobRun.of(out().resolve("dt={date}"), night(1));
    assertEquals(Main.EXIT_OK, second.exitCode, second::toString);
    assertEquals(Set.of("c-witness"), sessionsIn(partition(1)));
    JsonNode stats = JobRun.read(partition(1).resolve("stats.json"));
    assertEquals(1, stats.at("/window/sessions_still_being_written").asLong());
    assertTrue(stats.at("/still_being_written").has("d-polecat"), stats.toString());
    assertTrue(Files.readString(partition(1).resolve("REPORT.md")).contains("`d-polecat`"));

    // A rerun of night 2 gives the same bytes.
    Map<String, byte[]> night2 = files(partition(1));
    JobRun rerun = JobRun.of(out().resolve("dt={date}"), night(1));
    assertEquals(Main.EXIT_OK, rerun.exitCode, rerun::toString);
    assertSameFiles(night2, files(partition(1)));

    // Night 3: the polecat finished after midnight; a mayor session repeats night 1's exchange.
    Transcript finished =
        beingWritten("d-polecat").at(T.plus(10, ChronoUnit.MINUTES)).user("done?").assistant("m3", text("Submitted gt-abc12 as mr-18."));
    write("d-polecat", "gastown/polecats/toast", finished, T.minus(20, ChronoUnit.MINUTES));
    session("f-mayor", "mayor", T.plus(2, ChronoUnit.HOURS), "What is in the queue?", "Two beads wait for review.");

    // What night 3 gives undisturbed (run aside, before night 3 publishes anything).
    JobRun undisturbed = JobRun.of(work.resolve("undisturbed"), night(2));
    assertEquals(Main.EXIT_OK, undisturbed.exitCode, undisturbed::toString);

    // The first attempt is killed while it writes; it leaves no _SUCCESS.
    Process killed = JobRun.launch(work.resolve("killed.log"), out().resolve("dt={date}"), night(2));
    waitForWriting(partition(2), killed);
    killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    assertNotEquals(0, killed.exitValue());
    assertFalse(Files.exists(partition(2).resolve("_SUCCESS")), "a killed run publishes nothing");

    // Its rerun completes, and gives what an undisturbed run gives.
    JobRun third = JobRun.of(out().resolve("dt={date}"), night(2));
    assertEquals(Main.EXIT_OK, third.exitCode, third::toString);
    assertTrue(Files.exists(partition(2).resolve("_SUCCESS")));
    // f-mayor's only sample is night 1's exchange again: published already, so not here.
    assertEquals(Set.of("d-polecat"), sessionsIn(partition(2)));
    assertSameFiles(files(undisturbed.output), files(partition(2)));

    // No sample is in two partitions; night 1's exchange was not published again.
    Map<String, String> partitionOfHash = new HashMap<>();
    for (int window = 0; window < 3; window++) {
      for (JsonNode record : records(partition(window))) {
        String hash = record.at("/metadata/content_sha256").asText();
        String earlier = partitionOfHash.put(hash, partition(window).getFileName().toString());
        assertEquals(null, earlier, "a sample in two partitions: " + hash);
      }
    }
    JsonNode night3 = JobRun.read(partition(2).resolve("stats.json"));
    assertEquals(1, night3.at("/samples/duplicates_of_earlier_partitions").asLong());
    assertEquals(0, RunStats.of(night3).samplesBalance());
  }

  /** Waits until the run is writing its files (its staging folder exists), then returns. */
  private void waitForWriting(Path partition, Process process) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (Files.isDirectory(partition.resolve(OutputFolder.STAGING))) {
        return;
      }
      if (!process.isAlive()) {
        throw new AssertionError("the run ended before it was killed:\n" + Files.readString(work.resolve("killed.log")));
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the run never started writing");
  }

  private static Set<String> sessionsIn(Path partition) throws IOException {
    Set<String> sessions = new TreeSet<>();
    for (JsonNode record : records(partition)) {
      sessions.add(record.at("/metadata/session_id").asText());
    }
    return sessions;
  }

  private static List<JsonNode> records(Path partition) throws IOException {
    List<JsonNode> records = new ArrayList<>();
    try (Stream<Path> files = Files.list(partition)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().matches(".*_(train|val)\\.jsonl"))::iterator) {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          records.add(Json.MAPPER.readTree(line));
        }
      }
    }
    return records;
  }

  private static Map<String, byte[]> files(Path folder) throws IOException {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path file : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
        files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }

  private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((name, bytes) -> assertArrayEquals(bytes, actual.get(name), name));
  }
}
