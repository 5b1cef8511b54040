package dev.gttrainset.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random strings of the shape a pattern describes, for the rule table's own token and body
 * patterns: literals, escapes, character classes, groups with alternatives, quantifiers and
 * inline flags. Look-arounds and anchors produce nothing. Built at test time from a seeded random
 * source, so tests plant secrets of every family and no real-looking one sits in the repository.
 */
public final class ShapeGenerator {
  private static final String WORD = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

  private final Random random;
  private String pattern;
  private int at;

  public ShapeGenerator(long seed) {
    this.random = new Random(seed);
  }

  /** A string the pattern matches (under its flags), the open-ended quantifiers taken short. */
  public synchronized String generate(String regex) {
    pattern = regex;
    at = 0;
    StringBuilder out = new StringBuilder();
    alternatives(out);
    if (at != pattern.length()) {
      throw new IllegalArgumentException("unexpected '" + pattern.charAt(at) + "' at " + at + " in " + regex);
    }
    return out.toString();
  }

  private void alternatives(StringBuilder out) {
    List<String> options = new ArrayList<>();
    while (true) {
      StringBuilder option = new StringBuilder();
      sequence(option);
      options.add(option.toString());
      if (at < pattern.length() && pattern.charAt(at) == '|') {
        at++;
        continue;
      }
      break;
    }
    out.append(options.get(random.nextInt(options.size())));
  }

  private void sequence(StringBuilder out) {
    while (at < pattern.length() && pattern.charAt(at) != '|' && pattern.charAt(at) != ')') {
      int atomStart = at;
      String first = atom();
      int[] times = quantifier();
      int after = at;
      int n = times[0] == times[1] ? times[0] : times[0] + random.nextInt(times[1] - times[0] + 1);
      if (n > 0) {
        out.append(first);
      }
      for (int i = 1; i < n; i++) {
        // Each repetition picks afresh: read the atom once more.
        at = atomStart;
        out.append(atom());
      }
      at = after;
    }
  }

  private String atom() {
    char c = pattern.charAt(at);
    String result;
    if (c == '(') {
      at++;
      boolean produces = true;
      if (pattern.startsWith("?", at)) {
        if (pattern.startsWith("?:", at) || pattern.startsWith("?>", at)) {
          at += 2;
        } else if (pattern.startsWith("?=", at) || pattern.startsWith("?!", at)) {
          at += 2;
          produces = false;
        } else if (pattern.startsWith("?<=", at) || pattern.startsWith("?<!", at)) {
          at += 3;
          produces = false;
        } else if (pattern.startsWith("?<", at)) {
          at = pattern.indexOf('>', at) + 1;
        } else {
          // Inline flags: (?i) or (?i:...), (?-i:...).
          int flagsEnd = at + 1;
          while (flagsEnd < pattern.length() && "imsux-".indexOf(pattern.charAt(flagsEnd)) >= 0) {
            flagsEnd++;
          }
          at = flagsEnd;
          if (pattern.charAt(at) == ')') {
            at++;
            return "";
          }
          at++;
        }
      }
      StringBuilder inner = new StringBuilder();
      alternatives(inner);
      expect(')');
      result = produces ? inner.toString() : "";
    } else if (c == '[') {
      result = String.valueOf(pick(characterClass()));
    } else if (c == '\\') {
      result = escape();
    } else if (c == '.') {
      at++;
      result = String.valueOf(ALNUM.charAt(random.nextInt(ALNUM.length())));
    } else if (c == '^' || c == '$') {
      at++;
      result = "";
    } else {
      at++;
      result = String.valueOf(c);
    }
    return result;
  }

  private String escape() {
    at++;
    char e = pattern.charAt(at++);
    switch (e) {
      case 'd':
        return String.valueOf((char) ('0' + random.nextInt(10)));
      case 'w':
        return String.valueOf(WORD.charAt(random.nextInt(WORD.length())));
      case 's':
        return " ";
      case 'S':
        return String.valueOf(ALNUM.charAt(random.nextInt(ALNUM.length())));
      case 'b':
      case 'B':
      case 'z':
      case 'Z':
      case 'A':
        return "";
      case 'n':
        return "\n";
      case 't':
        return "\t";
      case 'r':
        return "\r";
      case 'x':
        String hex = pattern.substring(at, at + 2);
        at += 2;
        return String.valueOf((char) Integer.parseInt(hex, 16));
      default:
        return String.valueOf(e);
    }
  }

  private String characterClass() {
    at++;
    boolean negated = pattern.charAt(at) == '^';
    if (negated) {
      at++;
    }
    StringBuilder members = new StringBuilder();
    boolean first = true;
    while (first || pattern.charAt(at) != ']') {
      first = false;
      char c = pattern.charAt(at);
      if (c == '\\') {
        at++;
        char e = pattern.charAt(at++);
        if (e == 'd') {
          members.append("0123456789");
        } else if (e == 'w') {
          members.append(WORD);
        } else if (e == 's') {
          members.append(' ');
        } else if (e == 'n') {
          members.append('\n');
        } else if (e == 'x') {
          members.append((char) Integer.parseInt(pattern.substring(at, at + 2), 16));
          at += 2;
        } else {
          members.append(e);
        }
        continue;
      }
      at++;
      if (at + 1 < pattern.length() && pattern.charAt(at) == '-' && pattern.charAt(at + 1) != ']') {
        char end = pattern.charAt(at + 1);
        at += 2;
        for (char x = c; x <= end; x++) {
          members.append(x);
        }
      } else {
        members.append(c);
      }
    }
    at++;
    if (negated) {
      StringBuilder allowed = new StringBuilder();
      for (char x : ALNUM.toCharArray()) {
        if (members.indexOf(String.valueOf(x)) < 0) {
          allowed.append(x);
        }
      }
      return allowed.toString();
    }
    return members.toString();
  }

  private char pick(String members) {
    return members.charAt(random.nextInt(members.length()));
  }

  /** {min, max} of the quantifier at the cursor, open ends taken a little past the minimum. */
  private int[] quantifier() {
    if (at >= pattern.length()) {
      return new int[] {1, 1};
    }
    char c = pattern.charAt(at);
    int[] times;
    if (c == '?') {
      at++;
      times = new int[] {0, 1};
    } else if (c == '*') {
      at++;
      times = new int[] {0, 3};
    } else if (c == '+') {
      at++;
      times = new int[] {1, 4};
    } else if (c == '{') {
      int close = pattern.indexOf('}', at);
      String[] bounds = pattern.substring(at + 1, close).split(",", -1);
      at = close + 1;
      int min = Integer.parseInt(bounds[0]);
      int max = bounds.length == 1 ? min : bounds[1].isEmpty() ? min + 8 : Integer.parseInt(bounds[1]);
      // Long bodies are as likely at their usual length as at the longest.
      times = new int[] {min, Math.min(max, min + 24)};
    } else {
      return new int[] {1, 1};
    }
    if (at < pattern.length() && (pattern.charAt(at) == '?' || pattern.charAt(at) == '+')) {
      at++;
    }
    return times;
  }

  private void expect(char c) {
    if (at >= pattern.length() || pattern.charAt(at) != c) {
      throw new IllegalArgumentException("expected '" + c + "' at " + at + " in " + pattern);
    }
    at++;
  }
}
