package dev.gttrainset.pipeline;

import dev.gttrainset.output.WriteJsonlFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The output folder belongs to the job's files only. A run writes into {@code _temporary/} inside
 * it, and only a run that finished and passed every check moves its files out, each with an atomic
 * rename, and writes {@code _SUCCESS} last. So a run killed at any moment leaves no {@code
 * _SUCCESS} and no half-written file beside it; its rerun starts by clearing what it left.
 */
final class OutputFolder {
  static final String SUCCESS = "_SUCCESS";
  static final String STATS = "stats.json";
  static final String REPORT = "REPORT.md";
  static final String REPORT_HTML = "report.html";
  /** The dataset card: the folder is a Hugging Face dataset as it is. */
  static final String CARD = "README.md";
  /** What the job writes besides the datasets, all from the statistics (and a few samples). */
  static final List<String> REPORT_FILES = List.of(STATS, REPORT, REPORT_HTML, CARD);
  /** Hadoop's name, so Spark, Hive and friends skip it like every {@code _}-prefixed entry. */
  static final String STAGING = "_temporary";
  /** Always present after a run, empty when there was nothing to put in them. */
  static final List<String> ALWAYS_WRITTEN = List.of("rejects.jsonl", "dead_letters.jsonl");

  private static final String OWN_FILES =
      "{*_train.jsonl,*_val.jsonl,*_train.meta.jsonl,*_val.meta.jsonl,rejects.jsonl,dead_letters.jsonl,"
          + String.join(",", REPORT_FILES) + "," + LeakGate.REPORT_FILE
          + "}";

  private final Path folder;

  OutputFolder(String folder) {
    this.folder = Paths.get(folder);
  }

  Path path() {
    return folder;
  }

  /** Where the pipeline writes; on the output's file system, so that publishing is a rename. */
  Path staging() {
    return folder.resolve(STAGING);
  }

  /** Removes the files an earlier run of the job published or left half done, and nothing else. */
  void clearEarlierRun() throws IOException {
    Files.createDirectories(folder);
    // First, so that a crash while clearing never leaves an old _SUCCESS beside a partial set.
    Files.deleteIfExists(folder.resolve(SUCCESS));
    for (Path file : ownFiles(folder)) {
      Files.deleteIfExists(file);
    }
    deleteTree(staging());
  }

  /**
   * After the pipeline finished: checks the staged files that must exist, creates the empty ones and
   * removes the sorted runs the datasets were merged from.
   */
  void completeStaging() throws IOException {
    deleteTree(staging().resolve(WriteJsonlFiles.RUNS));
    for (String required : REPORT_FILES) {
      if (!Files.isRegularFile(staging().resolve(required))) {
        throw new IOException("the run finished but " + staging().resolve(required) + " is missing");
      }
    }
    for (String name : ALWAYS_WRITTEN) {
      Path file = staging().resolve(name);
      if (!Files.exists(file)) {
        Files.createFile(file);
      }
    }
  }

  /** Moves every staged file into the output folder, each in one atomic rename. */
  void publish() throws IOException {
    for (Path file : ownFiles(staging())) {
      Files.move(file, folder.resolve(file.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }
    deleteTree(staging());
  }

  /** The very last write of a run. */
  void markSuccess() throws IOException {
    Files.write(folder.resolve(SUCCESS), new byte[0]);
  }

  private static List<Path> ownFiles(Path in) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> own = Files.newDirectoryStream(in, OWN_FILES)) {
      own.forEach(files::add);
    }
    files.sort(null);
    return files;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
