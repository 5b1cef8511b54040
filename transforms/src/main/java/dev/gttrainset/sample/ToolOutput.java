package dev.gttrainset.sample;

import java.util.List;
import java.util.Locale;

/**
 * Shortens long tool output: a 100 kB {@code cat} teaches little. What stays is what the model
 * needs: lines a later edit changes, lines a later write keeps as they were, then the start and the end (the command's echo, the error at
 * the bottom; a test log mostly its end, where the verdict is). A marker says what was left out.
 */
public final class ToolOutput {
  /** Lines kept around the lines an edit changes, so the model sees where they sit. */
  private static final int AROUND = 2;
  /** One marker's length, about. */
  private static final int MARKER_CHARS = 64;
  /** Room for the head's and tail's markers, so the limit holds with them. */
  private static final int MARKERS = 120;

  private ToolOutput() {}

  /**
   * The text itself when it fits; else the {@code keep} line ranges ({@code [first, end)}) whole
   * while they fit, the {@code wanted} ones while all take at most three quarters of the limit, and of what the
   * limit leaves, two thirds head and one third tail (a quarter and three quarters for a test log),
   * cut at line ends.
   */
  public static String shorten(String text, int maxChars, List<int[]> keep, List<int[]> wanted, boolean tailFirst) {
    if (text.length() <= maxChars) {
      return text;
    }
    String shortened = cut(text, maxChars, keep, wanted, tailFirst);
    // Lines scattered over the text leave a marker in every gap: then the wanted ones go.
    return shortened.length() <= maxChars || wanted.isEmpty()
        ? shortened
        : cut(text, maxChars, keep, List.of(), tailFirst);
  }

  private static String cut(String text, int maxChars, List<int[]> keep, List<int[]> wanted, boolean tailFirst) {
    String[] lines = text.split("(?<=\n)", -1);
    boolean[] kept = new boolean[lines.length];
    long keptChars = 0;
    // Each range kept may open a gap, and every gap a marker: kept ranges pay for theirs.
    for (int[] range : keep) {
      keptChars += keepIfRoom(lines, kept, range, keptChars, maxChars);
    }
    for (int[] range : wanted) {
      keptChars += keepIfRoom(lines, kept, range, keptChars, maxChars * 3L / 4);
    }
    long rest = Math.max(0, maxChars - keptChars - Math.min(MARKERS, maxChars / 5));
    long head = tailFirst ? rest / 4 : rest * 2 / 3;
    long tail = rest - head;
    StringBuilder out = new StringBuilder(maxChars + 200);
    int first = 0;
    for (long used = 0; first < lines.length && used + lines[first].length() <= head; first++) {
      used += lines[first].length();
      kept[first] = true;
    }
    int last = lines.length - 1;
    for (long used = 0; last >= first && used + lines[last].length() <= tail; last--) {
      used += lines[last].length();
      kept[last] = true;
    }
    String partialHead = "";
    if (first == 0 && !kept[0]) {
      // One long first line: keep its start, so the output is never only a marker.
      partialHead = lines[0].substring(0, safeCut(lines[0], (int) Math.min(head, lines[0].length())));
    }
    int i = 0;
    while (i < lines.length) {
      if (kept[i]) {
        out.append(lines[i++]);
        continue;
      }
      int from = i;
      long chars = 0;
      while (i < lines.length && !kept[i]) {
        chars += lines[i++].length();
      }
      if (from == 0 && !partialHead.isEmpty()) {
        out.append(partialHead);
        chars -= partialHead.length();
      }
      marker(out, i - from, chars);
    }
    return out.toString();
  }

  /** Keeps a range while what is kept, with a marker for it, stays within {@code room}. */
  private static long keepIfRoom(String[] lines, boolean[] kept, int[] range, long keptChars, long room) {
    long more = chars(lines, kept, range);
    if (more == 0 || keptChars + more + MARKER_CHARS > room) {
      return 0;
    }
    return mark(lines, kept, range) + MARKER_CHARS;
  }

  /** Marks a range, with the lines around it, as kept; the characters newly kept. */
  private static long mark(String[] lines, boolean[] kept, int[] range) {
    long added = 0;
    for (int i = Math.max(0, range[0] - AROUND); i < Math.min(lines.length, range[1] + AROUND); i++) {
      if (!kept[i]) {
        kept[i] = true;
        added += lines[i].length();
      }
    }
    return added;
  }

  /** The characters a range, with the lines around it, would newly keep. */
  private static long chars(String[] lines, boolean[] kept, int[] range) {
    long chars = 0;
    for (int i = Math.max(0, range[0] - AROUND); i < Math.min(lines.length, range[1] + AROUND); i++) {
      chars += kept[i] ? 0 : lines[i].length();
    }
    return chars;
  }

  private static void marker(StringBuilder out, int lines, long chars) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
    out.append(
        String.format(
            Locale.ROOT,
            "[… %,d %s (%,d characters) of tool output left out …]\n",
            lines,
            lines == 1 ? "line" : "lines",
            chars));
  }

  /** Moves a cut off the middle of a surrogate pair. */
  private static int safeCut(String text, int index) {
    return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index))
        ? index - 1
        : index;
  }
}
