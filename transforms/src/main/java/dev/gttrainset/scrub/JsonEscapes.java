package dev.gttrainset.scrub;

/**
 * Undoes JSON string escapes in raw JSON text ({@code \"}, {@code \\}, {@code \n}, {@code
 * \u0041}, ...), so the scrub rules see {@code KEY="value"} in a dead letter's excerpt as they would
 * in a parsed message. Anything that is not a well-formed escape stays as it is.
 */
final class JsonEscapes {
  private JsonEscapes() {}

  static String unescape(String json) {
    if (json.indexOf('\\') < 0) {
      return json;
    }
    StringBuilder out = new StringBuilder(json.length());
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (c != '\\' || i + 1 >= json.length()) {
        out.append(c);
        continue;
      }
      char next = json.charAt(i + 1);
      switch (next) {
        case '"':
        case '\\':
        case '/':
          out.append(next);
          i++;
          break;
        case 'n':
          out.append('\n');
          i++;
          break;
        case 't':
          out.append('\t');
          i++;
          break;
        case 'r':
          out.append('\r');
          i++;
          break;
        case 'b':
        case 'f':
          out.append(' ');
          i++;
          break;
        case 'u':
          if (isHex(json, i + 2, i + 6)) {
            out.append((char) Integer.parseInt(json.substring(i + 2, i + 6), 16));
            i += 5;
          } else {
            out.append(c);
          }
          break;
        default:
          out.append(c);
      }
    }
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
