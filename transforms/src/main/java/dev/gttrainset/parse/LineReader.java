package dev.gttrainset.parse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
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
    CharsetDecoder utf8 =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    byte[] chunk = new byte[1 << 16];
    byte[] line = new byte[1024];
    int length = 0;
    long lineBytes = 0;
    boolean any = false;
    for (int read = in.read(chunk); read >= 0; read = in.read(chunk)) {
      for (int i = 0; i < read; i++) {
        byte b = chunk[i];
        any = true;
        if (b == '\n') {
          emit(sink, utf8, line, length, lineBytes, true);
          length = 0;
          lineBytes = 0;
          any = false;
          continue;
        }
        lineBytes++;
        if (length < MAX_LINE_BYTES) {
          if (length == line.length) {
            line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
          }
          line[length++] = b;
        }
      }
    }
    if (any) {
      emit(sink, utf8, line, length, lineBytes, false);
    }
  }

  private static void emit(
      Sink sink, CharsetDecoder utf8, byte[] bytes, int length, long lineBytes, boolean terminated) {
    int end = length > 0 && bytes[length - 1] == '\r' ? length - 1 : length;
    if (lineBytes > MAX_LINE_BYTES) {
      sink.badLine(
          "line-too-long",
          "a line of " + lineBytes + " bytes; lines of up to " + MAX_LINE_BYTES + " are read",
          lenient(bytes, Math.min(end, EXCERPT_BYTES)));
      return;
    }
    try {
      sink.line(utf8.decode(ByteBuffer.wrap(bytes, 0, end)).toString(), terminated);
    } catch (CharacterCodingException e) {
      sink.badLine("invalid-utf8", "bytes that are not UTF-8 text", lenient(bytes, Math.min(end, EXCERPT_BYTES)));
    }
  }

  private static String lenient(byte[] bytes, int length) {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
