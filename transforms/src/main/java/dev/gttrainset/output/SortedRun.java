package dev.gttrainset.output;

import dev.gttrainset.model.OutputLine;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * A run of an external merge sort: some lines of one output file, sorted, on disk. Runs are
 * written as lines arrive, so no file's lines are ever all in memory; the file is the merge of its
 * runs, in the same order whatever lines each run held.
 */
final class SortedRun {
  /** The order of a file's lines: by sort key, and by text among equal keys. */
  static final Comparator<OutputLine> ORDER =
      Comparator.comparing(OutputLine::sortKey).thenComparing(OutputLine::json);

  private static final int BUFFER = 1 << 16;

  /** Runs a merge may have open at once. */
  static final int FAN_IN = 128;

  private SortedRun() {}

  /** Sorts {@code lines} and writes them as a new run in {@code folder}; returns its path. */
  static Path write(Path folder, List<OutputLine> lines) throws IOException {
    lines.sort(ORDER);
    Files.createDirectories(folder);
    // Unique per attempt: a retried bundle writes new runs, and only the runs it reports are merged.
    Path run = folder.resolve(UUID.randomUUID() + ".run");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), BUFFER))) {
      for (OutputLine line : lines) {
        writeString(out, line.sortKey());
        writeString(out, line.json());
      }
    }
    return run;
  }

  /**
   * Merges runs into {@code target}, one line each with a newline, in {@link #ORDER}. The file
   * appears complete or not at all: it is written beside the target and renamed. More than {@link
   * #FAN_IN} runs are first merged in groups into runs beside them, so open files stay bounded.
   */
  static void merge(List<Path> runs, String file, Path target) throws IOException {
    List<Path> level = runs;
    while (level.size() > FAN_IN) {
      List<Path> merged = new ArrayList<>();
      for (int from = 0; from < level.size(); from += FAN_IN) {
        List<Path> group = level.subList(from, Math.min(level.size(), from + FAN_IN));
        Path run = group.get(0).resolveSibling(UUID.randomUUID() + ".run");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), BUFFER))) {
          mergeInto(group, file, line -> {
            writeString(out, line.sortKey());
            writeString(out, line.json());
          });
        }
        merged.add(run);
      }
      level = merged;
    }
    Path partial = target.resolveSibling(target.getFileName() + "." + UUID.randomUUID() + ".partial");
    try {
      try (Writer out =
          new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(partial), StandardCharsets.UTF_8), BUFFER)) {
        mergeInto(level, file, line -> {
          out.write(line.json());
          out.write('\n');
        });
      }
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private interface LineSink {
    void accept(OutputLine line) throws IOException;
  }

  private static void mergeInto(List<Path> runs, String file, LineSink out) throws IOException {
    List<Reader> readers = new ArrayList<>();
    try {
      PriorityQueue<Reader> heads = new PriorityQueue<>(Math.max(1, runs.size()), Comparator.comparing(r -> r.head, ORDER));
      for (Path run : runs) {
        Reader reader = new Reader(run, file);
        readers.add(reader);
        if (reader.advance()) {
          heads.add(reader);
        }
      }
      while (!heads.isEmpty()) {
        Reader next = heads.poll();
        out.accept(next.head);
        if (next.advance()) {
          heads.add(next);
        }
      }
    } finally {
      for (Reader reader : readers) {
        reader.in.close();
      }
    }
  }

  private static void writeString(DataOutputStream out, String text) throws IOException {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(utf8.length);
    out.write(utf8);
  }

  /** Reads a run back, one line ahead. */
  private static final class Reader {
    private final DataInputStream in;
    private final String file;
    private OutputLine head;

    Reader(Path run, String file) throws IOException {
      this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(run), BUFFER));
      this.file = file;
    }

    /** Moves to the next line; false at the end of the run. */
    boolean advance() throws IOException {
      int length;
      try {
        length = in.readInt();
      } catch (EOFException end) {
        head = null;
        return false;
      }
      String sortKey = readString(length);
      head = OutputLine.create(file, sortKey, readString(in.readInt()));
      return true;
    }

    private String readString(int length) throws IOException {
      byte[] utf8 = new byte[length];
      in.readFully(utf8);
      return new String(utf8, StandardCharsets.UTF_8);
    }
  }
}
