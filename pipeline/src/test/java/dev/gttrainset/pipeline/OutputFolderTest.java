package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.output.WriteJsonlFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder holds a whole published run or none, and never touches files not its own. */
class OutputFolderTest {
  @TempDir Path work;

  @Test
  void clearingRemovesAnEarlierRunAndItsLeftoversButNothingElse() throws IOException {
    Path folder = work.resolve("out");
    Files.createDirectories(folder.resolve(OutputFolder.STAGING).resolve(WriteJsonlFiles.RUNS));
    for (String name : Set.of("_SUCCESS", "mayor_train.jsonl", "stats.json", "REPORT.md", "report.html", "leak_gate.json", "notes.txt")) {
      Files.writeString(folder.resolve(name), "old");
    }
    Files.writeString(folder.resolve(OutputFolder.STAGING).resolve(WriteJsonlFiles.RUNS).resolve("part"), "half");

    new OutputFolder(folder.toString()).clearEarlierRun();

    assertEquals(Set.of("notes.txt"), entries(folder));
  }

  @Test
  void publishingMovesTheStagedFilesAndRemovesTheStagingFolder() throws IOException {
    OutputFolder output = new OutputFolder(work.resolve("out").toString());
    output.clearEarlierRun();
    Files.createDirectories(output.staging().resolve(WriteJsonlFiles.RUNS).resolve("mayor_train"));
    Files.writeString(output.staging().resolve(WriteJsonlFiles.RUNS).resolve("mayor_train").resolve("a.run"), "run");
    Files.writeString(output.staging().resolve("mayor_train.jsonl"), "{}\n");
    Files.writeString(output.staging().resolve("stats.json"), "{}");
    Files.writeString(output.staging().resolve("REPORT.md"), "# report");
    Files.writeString(output.staging().resolve("report.html"), "<html></html>");
    Files.writeString(output.staging().resolve("README.md"), "---\n---\n");
    Files.writeString(output.staging().resolve("mayor_train.meta.jsonl"), "{}\n");

    output.completeStaging();
    assertFalse(Files.exists(output.staging().resolve(WriteJsonlFiles.RUNS)), "the sorted runs are removed");
    assertEquals(Set.of(OutputFolder.STAGING), entries(output.path()), "nothing is published before publish()");
    output.publish();
    output.markSuccess();

    assertEquals(
        Set.of("_SUCCESS", "mayor_train.jsonl", "mayor_train.meta.jsonl", "stats.json", "REPORT.md", "report.html",
            "README.md", "rejects.jsonl", "dead_letters.jsonl"),
        entries(output.path()));
    assertEquals("{}\n", Files.readString(output.path().resolve("mayor_train.jsonl")));
    assertFalse(Files.exists(output.staging()));
  }

  @Test
  void aRunWithoutItsStatsIsNotComplete() throws IOException {
    OutputFolder output = new OutputFolder(work.resolve("out").toString());
    output.clearEarlierRun();
    Files.createDirectories(output.staging());
    Files.writeString(output.staging().resolve("REPORT.md"), "# report");

    IOException missing = assertThrows(IOException.class, output::completeStaging);
    assertTrue(missing.getMessage().contains("stats.json"), missing.getMessage());
  }

  private static Set<String> entries(Path folder) throws IOException {
    Set<String> names = new TreeSet<>();
    try (Stream<Path> all = Files.list(folder)) {
      all.forEach(p -> names.add(p.getFileName().toString()));
    }
    return names;
  }
}
