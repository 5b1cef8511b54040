package dev.gttrainset.sample;

/**
 * Shortens long tool output to its head and tail: a 100 kB {@code cat} teaches little, and the
 * start and end of output (the command's echo, the error at the bottom) carry the signal.
 */
public final class ToolOutput {
  private static final String MARKER_START = "\n[… ";
  private static final String MARKER_END = " characters of tool output omitted …]\n";

  private ToolOutput() {}

  /**
   * The text itself when it fits, else about two thirds head and one third tail, cut at line ends
   * where a line ends near the cut: a line cut in two is a fragment the scrubber never saw whole.
   */
  public static String truncate(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int head = atLineEnd(text, safeCut(text, maxChars * 2 / 3), maxChars / 6);
    int tail = atLineStart(text, safeCut(text, text.length() - (maxChars - head)), maxChars / 6);
    int omitted = tail - head;
    return text.substring(0, head) + MARKER_START + omitted + MARKER_END + text.substring(tail);
  }

  /** The end of the last whole line before {@code cut}, if one ends within {@code reach}. */
  private static int atLineEnd(String text, int cut, int reach) {
    int newline = text.lastIndexOf('\n', cut - 1);
    return newline >= 0 && cut - newline <= reach ? newline : cut;
  }

  /** The start of the first whole line after {@code cut}, if one starts within {@code reach}. */
  private static int atLineStart(String text, int cut, int reach) {
    int newline = text.indexOf('\n', cut);
    return newline >= 0 && newline - cut <= reach ? newline + 1 : cut;
  }

  /** Moves a cut off the middle of a surrogate pair. */
  private static int safeCut(String text, int index) {
    return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
        ? index - 1
        : index;
  }
}
