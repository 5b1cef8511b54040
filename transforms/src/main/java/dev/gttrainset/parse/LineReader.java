package dev.gttrainset.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a byte stream into lines the way a JSON-lines input needs: {@code \n} or {@code \r\n}
 * endings, strict UTF-8, a bound on line length that never buffers more than the bound, and
 * whether the last line was terminated (a file still being written ends mid-line).
 */
final class LineReader {
  /** Longer lines are not read into memory: a dead letter keeps their start. */
  static final int MAX_LINE_BYTES = 32 * 1024 * 1024;

  private static final int EXCERPT_BYTES = 4096;

  /** Where the lines go. */
  interface Sink {
    void line(String text, boolean terminated);

    /** A line that could not be read as text: too long, or not UTF-8. */
    void badLine(String reason, String detail, String excerpt);
  }

  private LineReader() {}

  static void read(InputStream in, Sink sink) throws IOException {
    read(in, sink, MAX_LINE_BYTES);
  }

  /** @param maxLineBytes the longest line read into memory */
  static void read(InputStream in, Sink sink, int maxLineBytes) throws IOException {
    byte[] chunk = new byte[1 << 16];
    byte[] line = new byte[1024];
    int length = 0;
    long lineBytes = 0;
    for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
      // A chunk is copied a run at a time, between line ends: a byte-at-a-time loop here was a
      // tenth of a run while the JIT had not yet compiled it.
      int start = 0;
      while (start < read) {
        int end = indexOfNewline(chunk, start, read);
        int stop = end < 0 ? read : end;
        int take = Math.min(stop - start, maxLineBytes - length);
        if (take > 0) {
          if (length + take > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(2L * line.length, length + take)));
          }
          System.arraycopy(chunk, start, line, length, take);
          length += take;
        }
        lineBytes += stop - start;
        if (end < 0) {
          break;
        }
        emit(sink, line, length, lineBytes, maxLineBytes, true);
        length = 0;
        lineBytes = 0;
        start = end + 1;
      }
    }
    if (lineBytes > 0) {
      emit(sink, line, length, lineBytes, maxLineBytes, false);
    }
  }

  private static int indexOfNewline(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static void emit(Sink sink, byte[] bytes, int length, long lineBytes, int maxLineBytes, boolean terminated) {
    int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
    if (lineBytes > maxLineBytes) {
      sink.badLine(
          "line-too-long",
          "a line of " + lineBytes + " bytes; lines of up to " + maxLineBytes + " are read",
          lenient(bytes, Math.min(end, EXCERPT_BYTES)));
      return;
    }
    String text = strictUtf8(bytes, end);
    if (text == null) {
      sink.badLine("invalid-utf8", "bytes that are not UTF-8 text", lenient(bytes, Math.min(end, EXCERPT_BYTES)));
    } else {
      sink.line(text, terminated);
    }
  }

  /**
   * The text, or null if the bytes are not UTF-8. The String constructor is the JDK's fast
   * decoder but replaces bad bytes with U+FFFD; only a line that then holds one (bad bytes, or a
   * U+FFFD written as text) is decoded again, strictly.
   */
  private static String strictUtf8(byte[] bytes, int length) {
    String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
    if (text.indexOf('\uFFFD') < 0) {
      return text;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static String lenient(byte[] bytes, int length) {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
