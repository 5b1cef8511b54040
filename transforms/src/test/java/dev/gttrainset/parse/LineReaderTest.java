package dev.gttrainset.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  /** What a sink heard, one entry per line: the text and whether it ended, or the bad line's reason. */
  private static final class Heard implements LineReader.Sink {
    final List<String> lines = new ArrayList<>();

    @Override
    public void line(String text, boolean terminated) {
      lines.add((terminated ? "line " : "last ") + text);
    }

    @Override
    public void badLine(String reason, String detail, String excerpt) {
      lines.add(reason + " " + detail + " [" + excerpt + "]");
    }
  }

  @Test
  void splitsOnNewlinesAndCrLfAndKnowsAnUnterminatedLastLine() throws IOException {
    assertEquals(
        List.of("line {\"a\":1}", "line {\"b\":2}", "line ", "last {\"c\""),
        heard(bytes("{\"a\":1}\n{\"b\":2}\r\n\n{\"c\""), 100, 7));
    assertEquals(List.of(), heard(bytes(""), 100, 7));
  }

  @Test
  void aTextU_FFFDIsTextButBadBytesAreADeadLetter() throws IOException {
    assertEquals(List.of("line \uFFFD ok"), heard(bytes("\uFFFD ok\n"), 100, 3));
    byte[] bad = {'a', (byte) 0xC3, '\n', 'b', '\n'};
    assertEquals(
        List.of("invalid-utf8 bytes that are not UTF-8 text [a\uFFFD]", "line b"), heard(bad, 100, 2));
  }

  @Test
  void aLineOverTheBoundIsADeadLetterWithItsStart() throws IOException {
    assertEquals(
        List.of("line-too-long a line of 12 bytes; lines of up to 8 are read [abcdefgh]", "line ok"),
        heard(bytes("abcdefghijkl\nok\n"), 8, 5));
  }

  /** Random bytes, read in random pieces, against a reader written the plain way. */
  @Test
  void agreesWithAPlainSplitOnRandomBytesInRandomReads() throws IOException {
    Random random = new Random(18);
    byte[][] pieces = {
      bytes("a"), bytes("{\"k\":"), bytes("\n"), bytes("\r"), bytes("\r\n"), bytes("é"), bytes("€"),
      bytes("\uD83D\uDE00"), bytes("\uFFFD"), {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}
    };
    for (int round = 0; round < 300; round++) {
      ByteArrayOutputStream input = new ByteArrayOutputStream();
      int size = random.nextInt(round % 10 == 0 ? 200_000 : 300);
      while (input.size() < size) {
        byte[] piece = pieces[random.nextInt(pieces.length)];
        int repeat = random.nextInt(8) == 0 ? random.nextInt(70_000) : 1;
        for (int i = 0; i < repeat && input.size() < size; i++) {
          input.write(piece, 0, piece.length);
        }
      }
      byte[] bytes = input.toByteArray();
      int bound = 1 + random.nextInt(round % 2 == 0 ? 100 : 100_000);
      assertEquals(plainSplit(bytes, bound), heard(bytes, bound, 1 + random.nextInt(100_000)), "round " + round);
    }
  }

  private static List<String> plainSplit(byte[] bytes, int bound) {
    Heard sink = new Heard();
    int start = 0;
    while (start < bytes.length) {
      int end = start;
      while (end < bytes.length && bytes[end] != '\n') {
        end++;
      }
      boolean terminated = end < bytes.length;
      byte[] line = Arrays.copyOfRange(bytes, start, end);
      // Of a line over the bound only its start is kept; a CR there ends what is kept.
      byte[] kept = Arrays.copyOf(line, Math.min(line.length, bound));
      int length = kept.length > 0 && kept[kept.length - 1] == '\r' ? kept.length - 1 : kept.length;
      String excerpt = new String(kept, 0, Math.min(length, 4096), StandardCharsets.UTF_8);
      if (line.length > bound) {
        sink.badLine("line-too-long", "a line of " + line.length + " bytes; lines of up to " + bound + " are read", excerpt);
      } else {
        try {
          sink.line(
              StandardCharsets.UTF_8
                  .newDecoder()
                  .onMalformedInput(CodingErrorAction.REPORT)
                  .decode(ByteBuffer.wrap(line, 0, length))
                  .toString(),
              terminated);
        } catch (CharacterCodingException e) {
          sink.badLine("invalid-utf8", "bytes that are not UTF-8 text", excerpt);
        }
      }
      start = end + 1;
    }
    return sink.lines;
  }

  private static List<String> heard(byte[] bytes, int bound, int mostPerRead) throws IOException {
    Heard sink = new Heard();
    LineReader.read(new PiecewiseStream(bytes, mostPerRead), sink, bound);
    return sink.lines;
  }

  /** Gives at most so many bytes per read, as a slow pipe or a compressed file does. */
  private static final class PiecewiseStream extends InputStream {
    private final byte[] bytes;
    private final int mostPerRead;
    private int at;

    PiecewiseStream(byte[] bytes, int mostPerRead) {
      this.bytes = bytes;
      this.mostPerRead = mostPerRead;
    }

    @Override
    public int read() {
      return at < bytes.length ? bytes[at++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] into, int offset, int length) {
      if (at == bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(length, mostPerRead), bytes.length - at);
      System.arraycopy(bytes, at, into, offset, n);
      at += n;
      return n;
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
