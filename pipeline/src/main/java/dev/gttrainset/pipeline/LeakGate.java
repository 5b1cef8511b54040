package dev.gttrainset.pipeline;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.parse.Json;
import dev.gttrainset.gate.Leak;
import dev.gttrainset.gate.LeakCheck;
import dev.gttrainset.report.StatsDocument;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * The leak gate over written files, before {@code _SUCCESS}: the report files always (they cannot be
 * quarantined), and with {@code --leakGate=fail} every output file once the pipeline's gate found
 * something, to name each place by file and line. A finding names the file, line and rule, never
 * the text that matched. The check is the pipeline's own ({@link LeakCheck}).
 */
final class LeakGate {
  /** Written beside the outputs when the gate fails, for whoever schedules the job. */
  static final String REPORT_FILE = "leak_gate.json";

  private final LeakCheck check;

  LeakGate(LeakCheck check) {
    this.check = check;
  }

  /** A rule that fired at a line of a file. */
  static final class Finding {
    final String file;
    final long line;
    final String rule;
    /** Where in the line: a JSON path and a line within its string. */
    final String at;

    Finding(String file, long line, Leak leak) {
      this.file = file;
      this.line = line;
      this.rule = leak.rule;
      this.at = leak.location;
    }

    @Override
    public String toString() {
      return file + ":" + line + " " + rule + (at.isEmpty() ? "" : " at " + at);
    }
  }

  /** Lines a worker scans at a time: big files are shared among the workers, line by line. */
  private static final int CHUNK_CHARS = 4 * 1024 * 1024;

  /**
   * Scans the job's output files, their lines in chunks on every core; findings in file and line
   * order. A few chunks at most wait for a worker, so memory stays bounded whatever the files.
   */
  List<Finding> scan(Path folder) throws IOException {
    return scan(folder, "{*.jsonl," + String.join(",", OutputFolder.REPORT_FILES) + "}");
  }

  /** The report files alone: stats.json, REPORT.md, report.html and the dataset card. */
  List<Finding> scanReports(Path folder) throws IOException {
    return scan(folder, "{" + String.join(",", OutputFolder.REPORT_FILES) + "}");
  }

  private List<Finding> scan(Path folder, String glob) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> outputs = Files.newDirectoryStream(folder, glob)) {
      outputs.forEach(files::add);
    }
    files.sort(null);
    int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService threads = Executors.newFixedThreadPool(workers);
    // A few chunks in hand per worker, and never more than some 64 MB of them on a big machine.
    Semaphore waiting = new Semaphore(Math.min(2 * workers, 16));
    try {
      List<Future<List<Finding>>> scans = new ArrayList<>();
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (!name.endsWith(".jsonl")) {
          scans.add(submit(threads, waiting, () -> scanWhole(file)));
          continue;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          long firstLine = 1;
          List<String> chunk = new ArrayList<>();
          long chars = 0;
          for (String text = reader.readLine(); text != null; text = reader.readLine()) {
            chunk.add(text);
            chars += text.length();
            if (chars >= CHUNK_CHARS) {
              scans.add(submit(threads, waiting, scanLines(name, firstLine, chunk)));
              firstLine += chunk.size();
              chunk = new ArrayList<>();
              chars = 0;
            }
          }
          if (!chunk.isEmpty()) {
            scans.add(submit(threads, waiting, scanLines(name, firstLine, chunk)));
          }
        }
      }
      List<Finding> findings = new ArrayList<>();
      for (Future<List<Finding>> scan : scans) {
        findings.addAll(scan.get());
      }
      return findings;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("the leak gate was interrupted", e);
    } catch (ExecutionException e) {
      throw new IOException("the leak gate could not read an output", e.getCause());
    } finally {
      threads.shutdownNow();
    }
  }

  private static Future<List<Finding>> submit(
      ExecutorService threads, Semaphore waiting, Callable<List<Finding>> scan) throws InterruptedException {
    waiting.acquire();
    return threads.submit(
        () -> {
          try {
            return scan.call();
          } finally {
            waiting.release();
          }
        });
  }

  /** The lines of a JSON-lines file, each read as JSON, the first of them line {@code firstLine}. */
  private Callable<List<Finding>> scanLines(String name, long firstLine, List<String> lines) {
    return () -> {
      List<Finding> findings = new ArrayList<>();
      long line = firstLine;
      for (String text : lines) {
        for (Leak leak : check.inRecord(text)) {
          findings.add(new Finding(name, line, leak));
        }
        line++;
      }
      return findings;
    };
  }

  /** {@code REPORT.md} and {@code report.html} line by line as text, {@code stats.json} as one JSON document. */
  private List<Finding> scanWhole(Path file) throws IOException {
    List<Finding> findings = new ArrayList<>();
    String name = file.getFileName().toString();
    if (name.endsWith(".json")) {
      for (Leak leak : check.inRecord(Json.MAPPER.readTree(file.toFile()))) {
        findings.add(new Finding(name, 1, leak));
      }
      return findings;
    }
    long line = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      for (String text = reader.readLine(); text != null; text = reader.readLine()) {
        line++;
        for (Leak leak : check.inText(text, name)) {
          findings.add(new Finding(name, line, leak));
        }
      }
    }
    return findings;
  }

  /** {@code leak_gate.json}: the findings, and the rules that fired with how often. */
  static void writeReport(Path folder, List<Finding> findings) {
    ObjectNode report = Json.MAPPER.createObjectNode();
    report.put("passed", findings.isEmpty());
    report.put("findings", findings.size());
    ArrayNode list = report.putArray("locations");
    for (Finding finding : findings) {
      list.addObject().put("file", finding.file).put("line", finding.line).put("rule", finding.rule).put("at", finding.at);
    }
    try {
      Files.writeString(folder.resolve(REPORT_FILE), StatsDocument.pretty(report) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
