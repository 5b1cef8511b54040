package dev.gttrainset.pipeline;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The output folder belongs to the job's files only: before a run it clears what an earlier run
 * wrote (and nothing else), after a successful run it completes the set and writes {@code
 * _SUCCESS} last.
 */
final class OutputFolder {
  static final String SUCCESS = "_SUCCESS";
  static final String STATS = "stats.json";
  static final String REPORT = "REPORT.md";
  /** Always present after a run, empty when there was nothing to put in them. */
  static final List<String> ALWAYS_WRITTEN = List.of("rejects.jsonl", "dead_letters.jsonl");

  private static final String OWN_FILES =
      "{*_train.jsonl,*_val.jsonl,rejects.jsonl,dead_letters.jsonl,stats.json,REPORT.md,"
          + LeakGate.REPORT_FILE
          + "}";

  private final Path folder;

  OutputFolder(String folder) {
    this.folder = Paths.get(folder);
  }

  Path path() {
    return folder;
  }

  /** Removes the files and temporary folders an earlier run of the job left here. */
  void clearEarlierRun() throws IOException {
    Files.createDirectories(folder);
    // First, so that a crash while clearing never leaves an old _SUCCESS beside a partial set.
    Files.deleteIfExists(folder.resolve(SUCCESS));
    try (DirectoryStream<Path> own = Files.newDirectoryStream(folder, OWN_FILES)) {
      for (Path file : own) {
        Files.deleteIfExists(file);
      }
    }
    removeTemporaryFolders();
  }

  /** Beam's writers leave their (emptied) temporary folders behind. */
  private void removeTemporaryFolders() throws IOException {
    try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, ".temp-beam*")) {
      for (Path temp : temps) {
        deleteTree(temp);
      }
    }
  }

  /** After a successful run: checks the files that must exist and creates the empty ones. */
  void complete() throws IOException {
    removeTemporaryFolders();
    for (String required : List.of(STATS, REPORT)) {
      if (!Files.isRegularFile(folder.resolve(required))) {
        throw new IOException("the run finished but " + folder.resolve(required) + " is missing");
      }
    }
    for (String name : ALWAYS_WRITTEN) {
      Path file = folder.resolve(name);
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
    }
  }

  /** The very last write of a run. */
  void markSuccess() throws IOException {
    Files.write(folder.resolve(SUCCESS), new byte[0]);
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
