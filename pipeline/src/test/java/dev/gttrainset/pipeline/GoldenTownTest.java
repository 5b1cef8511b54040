package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled town's every output file, byte for byte, against the approved copy in
 * {@code src/test/resources/golden/bundled-town/} (the job is deterministic). A deliberate change is
 * approved with {@code runners/golden/approve.sh}, which reruns this test with
 * {@code -Dgt.golden.approve=true} and shows the diff to commit.
 */
class GoldenTownTest {
  static final Path GOLDEN = Paths.get("src/test/resources/golden/bundled-town").toAbsolutePath();
  /** Where the town lies differs between clones: the files name it as the README's command does. */
  static final String TESTDATA_AS_IN_README = "testdata";

  @TempDir Path work;

  @Test
  void theBundledTownGivesTheApprovedFilesByteForByte() throws IOException {
    JobRun run = JobRun.onTestdata(work.resolve("out"));
    assertEquals(0, run.exitCode, run::toString);
    Map<String, String> actual = new TreeMap<>();
    run.files().forEach((name, bytes) -> actual.put(name, portable(new String(bytes, StandardCharsets.UTF_8))));

    if (Boolean.getBoolean("gt.golden.approve")) {
      approve(actual);
      return;
    }
    Map<String, String> expected = approved();
    assertEquals(expected.keySet(), actual.keySet(), "the files written; approve a deliberate change with runners/golden/approve.sh");
    expected.forEach(
        (name, content) ->
            assertEquals(content, actual.get(name), name + " differs; approve a deliberate change with runners/golden/approve.sh"));
  }

  private static String portable(String content) {
    return content.replace(JobRun.TESTDATA.toString(), TESTDATA_AS_IN_README);
  }

  private static Map<String, String> approved() throws IOException {
    assertTrue(Files.isDirectory(GOLDEN), "no approved files at " + GOLDEN);
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> all = Files.list(GOLDEN)) {
      for (Path file : all.collect(Collectors.toList())) {
        files.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    return files;
  }

  private static void approve(Map<String, String> actual) throws IOException {
    Files.createDirectories(GOLDEN);
    try (Stream<Path> old = Files.list(GOLDEN)) {
      for (Path file : old.collect(Collectors.toList())) {
        Files.delete(file);
      }
    }
    for (Map.Entry<String, String> file : actual.entrySet()) {
      Files.writeString(GOLDEN.resolve(file.getKey()), file.getValue());
    }
  }
}
