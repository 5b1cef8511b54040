package dev.gttrainset.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** One run of the whole job through its command line, and what it left behind. */
final class JobRun {
  /** The repository's bundled town, found from the module folder Maven runs tests in. */
  static final Path TESTDATA = Paths.get("..", "testdata").toAbsolutePath().normalize();

  final int exitCode;
  final String out;
  final String err;
  final Path output;

  private JobRun(int exitCode, String out, String err, Path output) {
    this.exitCode = exitCode;
    this.out = out;
    this.err = err;
    this.output = output;
  }

  static JobRun of(Path output, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--output=" + output);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        Main.run(
            all.toArray(new String[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new JobRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), output);
  }

  /** The job on the bundled town, as the README runs it. */
  static JobRun onTestdata(Path output, String... extra) {
    return of(output, testdataArgs(extra));
  }

  static String[] testdataArgs(String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--sessions=" + TESTDATA.resolve("claude/projects"));
    args.add("--town=" + TESTDATA.resolve("town"));
    args.add("--gtHome=" + TESTDATA.resolve("gt"));
    args.addAll(List.of(extra));
    return args.toArray(new String[0]);
  }

  /** Starts the job in a JVM of its own, which a test may kill; its output goes to {@code log}. */
  static Process launch(Path log, Path output, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("java", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    command.add("--output=" + output);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  JsonNode stats() {
    return read(output.resolve("stats.json"));
  }

  /** Every file the run wrote, name to content, the hidden ones included. */
  Map<String, byte[]> files() {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(output)) {
      for (Path file : all.filter(Files::isRegularFile).collect(Collectors.toList())) {
        files.put(output.relativize(file).toString(), Files.readAllBytes(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  /** The records of one JSON-lines output file. */
  List<JsonNode> records(String file) {
    try {
      List<JsonNode> records = new ArrayList<>();
      for (String line : Files.readAllLines(output.resolve(file))) {
        records.add(Json.MAPPER.readTree(line));
      }
      return records;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The records of every {@code <role>_<split>.jsonl}. */
  List<JsonNode> datasetRecords() {
    List<JsonNode> records = new ArrayList<>();
    for (String name : files().keySet()) {
      if (name.endsWith("_train.jsonl") || name.endsWith("_val.jsonl")) {
        records.addAll(records(name));
      }
    }
    return records;
  }

  static JsonNode read(Path file) {
    try {
      return Json.MAPPER.readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "\n--- err\n" + err;
  }
}
