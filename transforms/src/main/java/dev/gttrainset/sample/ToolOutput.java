package dev.gttrainset.sample;

/**
 * Shortens long tool output to its head and tail: a 100 kB {@code cat} teaches little, and the
 * start and end of output (the command's echo, the error at the bottom) carry the signal.
 */
public final class ToolOutput {
  private static final String MARKER_START = "\n[… ";
  private static final String MARKER_END = " characters of tool output omitted …]\n";

  private ToolOutput() {}

  /** The text itself when it fits, else about two thirds head and one third tail. */
  public static String truncate(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int head = safeCut(text, maxChars * 2 / 3);
    int tail = safeCut(text, text.length() - (maxChars - head));
    int omitted = tail - head;
    return text.substring(0, head) + MARKER_START + omitted + MARKER_END + text.substring(tail);
  }

  /** Moves a cut off the middle of a surrogate pair. */
  private static int safeCut(String text, int index) {
    return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
        ? index - 1
        : index;
  }
}
