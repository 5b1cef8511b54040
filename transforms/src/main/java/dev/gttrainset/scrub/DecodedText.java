package dev.gttrainset.scrub;

/**
 * A text as the detectors read it: escapes undone ({@code \n}, {@code \"}, {@code \\}, {@code
 * \u0041}, ...), level after level, so that JSON inside a string inside a command reads as the
 * JSON it is, and {@code \n@pytest} starts a line rather than ending an address. Every character
 * remembers where it came from, so a secret found here is replaced in the original. The scrubber
 * and the leak gate read every text through this one view.
 */
public final class DecodedText {
  /** Escapes inside escapes inside escapes: deeper nesting is not met in transcripts. */
  private static final int MAX_LEVELS = 3;

  private final String original;
  private final String text;
  /** {@code origin[i]} is where character i starts in the original; {@code origin[length]} its length. */
  private final int[] origin;

  private DecodedText(String original, String text, int[] origin) {
    this.original = original;
    this.text = text;
    this.origin = origin;
  }

  public static DecodedText of(String original) {
    String text = original;
    int[] origin = null;
    for (int level = 0; level < MAX_LEVELS && text.indexOf('\\') >= 0; level++) {
      int[] step = new int[text.length() + 1];
      String decoded = decodeOnce(text, step);
      if (decoded.length() == text.length()) {
        break;
      }
      step = java.util.Arrays.copyOf(step, decoded.length() + 1);
      if (origin != null) {
        for (int i = 0; i < step.length; i++) {
          step[i] = origin[step[i]];
        }
      }
      origin = step;
      text = decoded;
    }
    return new DecodedText(original, text, origin);
  }

  /** The decoded text, the one every detector reads. */
  public String text() {
    return text;
  }

  public String original() {
    return original;
  }

  /** Where decoded position {@code i} (0 to length, inclusive) lies in the original. */
  public int originOf(int i) {
    return origin == null ? i : origin[i];
  }

  /**
   * Undoes one level of escapes; {@code origin} gets, for each decoded character, the index of
   * the escape it came from. A backslash before anything else stays as it is.
   */
  private static String decodeOnce(String in, int[] origin) {
    StringBuilder out = new StringBuilder(in.length());
    int i = 0;
    while (i < in.length()) {
      char c = in.charAt(i);
      origin[out.length()] = i;
      if (c != '\\' || i + 1 >= in.length()) {
        out.append(c);
        i++;
        continue;
      }
      char next = in.charAt(i + 1);
      int width = 2;
      switch (next) {
        case 'n':
          out.append('\n');
          break;
        case 't':
          out.append('\t');
          break;
        case 'r':
          out.append('\r');
          break;
        case '"':
        case '\'':
        case '\\':
        case '/':
        case '`':
          out.append(next);
          break;
        case 'u':
          if (isHex(in, i + 2, i + 6)) {
            out.append((char) Integer.parseInt(in.substring(i + 2, i + 6), 16));
            width = 6;
          } else {
            out.append(c);
            width = 1;
          }
          break;
        default:
          out.append(c);
          width = 1;
      }
      i += width;
    }
    origin[out.length()] = in.length();
    return out.toString();
  }

  private static boolean isHex(String text, int from, int to) {
    if (to > text.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (Character.digit(text.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
