package dev.gttrainset.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.List;

/**
 * The first steps every JSON-lines input goes through, and the accounting they share: each line
 * read is counted, and ends up used, skipped with a reason, or a dead letter with its line number.
 */
final class JsonLineReader {
  private final String source;
  private final String file;
  private final Counters counters = new Counters();
  private final List<DeadLetter> deadLetters = new ArrayList<>();
  private long lineNumber;
  private boolean failed;

  JsonLineReader(String source, String file) {
    this.source = source;
    this.file = file;
  }

  /**
   * The line as a JSON object, or null when it was blank (skipped) or a dead letter.
   *
   * @param terminated false for a last line without its newline: a file still being written
   */
  JsonNode read(String rawLine, boolean terminated) {
    countLine();
    String line = lineNumber == 1 && rawLine.startsWith("\uFEFF") ? rawLine.substring(1) : rawLine;
    if (line.isBlank()) {
      skip("blank");
      return null;
    }
    JsonNode record;
    try {
      record = Json.parse(line);
    } catch (Json.JsonLineException e) {
      if (!terminated) {
        // The writer is still at it: the rest of this line has not been written yet.
        skip("unterminated-last-line");
      } else {
        deadLetter(e.reason(), e.getMessage(), line);
      }
      return null;
    }
    if (!record.isObject()) {
      deadLetter("not-an-object", "a line must be a JSON object", line);
      return null;
    }
    return record;
  }

  /** A line that could not even be read as text (too long, not UTF-8): a dead letter. */
  void badLine(String reason, String detail, String excerpt) {
    countLine();
    deadLetter(reason, detail, excerpt);
  }

  private void countLine() {
    lineNumber++;
    counters.increment(StatKeys.LINES_READ);
    counters.increment(StatKeys.source(source, "lines"));
  }

  long lineNumber() {
    return lineNumber;
  }

  void used() {
    counters.increment(StatKeys.LINES_USED);
    counters.increment(StatKeys.source(source, "records"));
  }

  void skip(String reason) {
    counters.increment(StatKeys.skipped(reason));
  }

  void deadLetter(String reason, String detail, String line) {
    counters.increment(StatKeys.LINES_DEAD_LETTERS);
    counters.increment(StatKeys.deadLetters(reason));
    counters.increment(StatKeys.source(source, "dead_letters"));
    deadLetters.add(DeadLetter.create(source, file, lineNumber, reason, detail, line));
  }

  /**
   * The rest of the file could not be read: one dead letter for the file, at the next line, and
   * a failed file of the input (which --maxDeadLetterRatio counts).
   */
  void fileFailed(String reason, String detail) {
    counters.increment(StatKeys.FILES_FAILED);
    failed(reason, detail);
  }

  /**
   * The rest could not be had from a source that is not input of ours (a live server's page):
   * a dead letter as for a file, but the input wasted nothing, so it is no failed file.
   */
  void sourceFailed(String reason, String detail) {
    counters.increment(StatKeys.FILES_UNAVAILABLE);
    failed(reason, detail);
  }

  private void failed(String reason, String detail) {
    failed = true;
    counters.increment(StatKeys.source(source, "files_failed"));
    counters.increment(StatKeys.deadLetters(reason));
    deadLetters.add(DeadLetter.create(source, file, lineNumber + 1, reason, detail, ""));
  }

  /** Counts the file as read; call once, after the last line. */
  void fileDone() {
    counters.increment(StatKeys.FILES_READ);
    counters.increment(StatKeys.source(source, "files"));
    if (lineNumber == 0 && !failed) {
      counters.increment(StatKeys.FILES_EMPTY);
    }
  }

  Counters counters() {
    return counters;
  }

  List<DeadLetter> deadLetters() {
    return deadLetters;
  }
}
