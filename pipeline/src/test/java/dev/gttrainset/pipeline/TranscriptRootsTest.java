package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.parse.SessionRoots;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transcripts from several roots: comma-separated folders, and every Claude account Gas Town gives an agent. */
class TranscriptRootsTest {
  @TempDir Path work;

  /** Copies the bundled town's project folders, each into one of two roots in turn. */
  private List<Path> splitInTwo() throws IOException {
    Path first = Files.createDirectories(work.resolve("first"));
    Path second = Files.createDirectories(work.resolve("second"));
    List<Path> projects;
    try (Stream<Path> folders = Files.list(JobRun.TESTDATA.resolve("claude/projects"))) {
      projects = folders.sorted().collect(Collectors.toList());
    }
    for (int i = 0; i < projects.size(); i++) {
      Path project = projects.get(i);
      Path into = (i % 2 == 0 ? first : second).resolve(project.getFileName().toString());
      try (Stream<Path> files = Files.walk(project)) {
        for (Path file : files.collect(Collectors.toList())) {
          Path target = into.resolve(project.relativize(file).toString());
          if (Files.isDirectory(file)) {
            Files.createDirectories(target);
          } else {
            Files.copy(file, target);
            Files.setLastModifiedTime(target, Files.getLastModifiedTime(file));
          }
        }
      }
    }
    return List.of(first, second);
  }

  @Test
  void aTownSplitOverTwoRootsGivesTheSameDatasets() throws IOException {
    List<Path> roots = splitInTwo();
    JobRun whole = JobRun.onTestdata(work.resolve("whole"));
    JobRun split = JobRun.of(
        work.resolve("split"),
        "--sessions=" + roots.get(0) + "," + roots.get(1),
        "--town=" + JobRun.TESTDATA.resolve("town"),
        "--gtHome=" + JobRun.TESTDATA.resolve("gt"));
    assertEquals(0, split.exitCode, split::toString);
    for (Map.Entry<String, byte[]> file : whole.files().entrySet()) {
      if (file.getKey().endsWith(".jsonl")) {
        assertArrayEquals(file.getValue(), split.files().get(file.getKey()), file.getKey());
      }
    }
    ObjectNode wholeStats = (ObjectNode) whole.stats();
    ObjectNode splitStats = (ObjectNode) split.stats();
    assertEquals(roots.get(0) + "/**," + roots.get(1) + "/**", splitStats.at("/sources/sessions/path").asText());
    wholeStats.remove("sources");
    splitStats.remove("sources");
    assertEquals(wholeStats, splitStats);
  }

  @Test
  void theDefaultAlsoReadsEveryAccountsProjects() throws Exception {
    Path home = work.resolve("home");
    Files.createDirectories(home.resolve(".claude/projects"));
    Files.createDirectories(home.resolve(".claude-accounts/alice/projects"));
    Files.createDirectories(home.resolve(".claude-accounts/bob/projects"));
    // An account that never ran an agent has no projects folder.
    Files.createDirectories(home.resolve(".claude-accounts/carol"));
    assertEquals(
        List.of(home.resolve(".claude-accounts/alice/projects"), home.resolve(".claude-accounts/bob/projects")),
        JobPaths.accountProjects(home.resolve(".claude-accounts")));

    String realHome = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try {
      GtTrainsetOptions options = PipelineOptionsFactory.fromArgs("--output=" + work.resolve("out")).as(GtTrainsetOptions.class);
      SessionRoots roots = JobPaths.resolve(options, Map.of(), LocalDate.of(2026, 5, 4)).sessionRoots();
      assertEquals(
          List.of(home + "/.claude/projects", home + "/.claude-accounts/alice/projects", home + "/.claude-accounts/bob/projects"),
          roots.roots().stream().map(SessionRoots.Root::folder).collect(Collectors.toList()));
      // Named folders are all that is read.
      GtTrainsetOptions named =
          PipelineOptionsFactory.fromArgs("--sessions=" + home.resolve(".claude/projects"), "--output=" + work.resolve("out")).as(GtTrainsetOptions.class);
      assertEquals(1, JobPaths.resolve(named, Map.of(), LocalDate.of(2026, 5, 4)).sessionRoots().roots().size());
    } finally {
      System.setProperty("user.home", realHome);
    }
  }
}
