package dev.gttrainset.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How a value is written: made of words (an identifier, a name, a sentence) or random (a key);
 * code that computes a value rather than a value. Random strings have parts no word has: runs of
 * consonants, digits inside letters, case changes in the middle.
 */
final class ValueShape {
  private ValueShape() {}

  /** A call, a subscript or a chain of attributes: {@code getToken()}, {@code req.body['pw']}. */
  private static final Pattern CALL_OR_SUBSCRIPT =
      Pattern.compile("(?:new\\s+|await\\s+|&|\\*)?[A-Za-z_$@][A-Za-z0-9_$.:@\\->]*\\s*[(\\[].*");

  private static final Pattern DOTTED = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(?:(?:\\.|::|->)[A-Za-z_$][A-Za-z0-9_$]*)+");

  /** An identifier with a hump or an underscore: {@code db_password}, {@code userToken}. */
  private static final Pattern COMPOUND_IDENTIFIER =
      Pattern.compile("[A-Za-z_$][A-Za-z_$]*(?:_[A-Za-z]|[a-z][A-Z])[A-Za-z_$]*");

  private static final Pattern OPENS_LITERAL = Pattern.compile("[{\\[](?:\\s|[\"'\\]}]|[A-Za-z_][A-Za-z0-9_]*\\s*[:,\\]}])");

  /** The parts of an identifier: split at non-alphanumerics, humps and letter-digit borders. */
  static List<String> parts(String text) {
    List<String> parts = new ArrayList<>();
    int start = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        if (start >= 0) {
          parts.add(text.substring(start, i));
          start = -1;
        }
        continue;
      }
      if (start < 0) {
        start = i;
        continue;
      }
      char prev = text.charAt(i - 1);
      boolean split =
          (Character.isLowerCase(prev) && Character.isUpperCase(c))
              || Character.isLetter(prev) != Character.isLetter(c)
              || (Character.isUpperCase(prev)
                  && Character.isUpperCase(c)
                  && i + 1 < text.length()
                  && Character.isLowerCase(text.charAt(i + 1)));
      if (split) {
        parts.add(text.substring(start, i));
        start = i;
      }
    }
    if (start >= 0) {
      parts.add(text.substring(start));
    }
    return parts;
  }

  /** Whether every part of the text is a word, a short number or an acronym. */
  static boolean wordy(String text) {
    List<String> parts = parts(text);
    int alphanumerics = 0;
    for (String part : parts) {
      alphanumerics += part.length();
    }
    if (alphanumerics * 10 < text.length() * 7) {
      // Mostly punctuation: no word is written so.
      return false;
    }
    if (digitSwitches(text) > 2) {
      // Digits in and out of letters again and again: si1ji4aasp06pedya, not v8_engine or base64.
      return false;
    }
    int letterParts = 0;
    int abbreviations = 0;
    int singles = 0;
    for (String part : parts) {
      if (Character.isLetter(part.charAt(0))) {
        letterParts++;
        if (part.length() == 1) {
          singles++;
        }
        if (abbreviation(part)) {
          abbreviations++;
          continue;
        }
      }
      if (!wordLike(part)) {
        return false;
      }
    }
    // fs.readFileSync, db_cfg_path: a few short abbreviations among words, not a run of them;
    // and letters standing alone are what random strings are cut into (ujep2e:S2EbKehY).
    return letterParts > 0 && abbreviations * 3 <= letterParts && singles * 3 <= letterParts;
  }

  /** The most times letters and digits take turns within one run of letters and digits. */
  private static int digitSwitches(String text) {
    int most = 0;
    int switches = 0;
    for (int i = 1; i < text.length(); i++) {
      char prev = text.charAt(i - 1);
      char c = text.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        switches = 0;
      } else if (Character.isLetterOrDigit(prev) && Character.isDigit(prev) != Character.isDigit(c)) {
        most = Math.max(most, ++switches);
      }
    }
    return most;
  }

  /** A short lower-case part with no vowel: fs, db, cfg, ctx, req. */
  private static boolean abbreviation(String part) {
    if (part.length() > 3 || !part.chars().allMatch(Character::isLowerCase)) {
      return false;
    }
    for (int i = 0; i < part.length(); i++) {
      if ("aeiouy".indexOf(part.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean wordLike(String part) {
    char first = part.charAt(0);
    if (Character.isDigit(first)) {
      return part.length() <= 6;
    }
    boolean upper = part.chars().allMatch(Character::isUpperCase);
    if (upper && part.length() <= 5) {
      return true;
    }
    String lower = part.toLowerCase(Locale.ROOT);
    if (lower.length() > 20) {
      return false;
    }
    int vowels = 0;
    int consonantRun = 0;
    int longestRun = 0;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if ("aeiouy".indexOf(c) >= 0 || c > 127) {
        vowels++;
        consonantRun = 0;
      } else {
        consonantRun++;
        longestRun = Math.max(longestRun, consonantRun);
      }
    }
    if (vowels == 0) {
      return false;
    }
    return longestRun <= 4 && (lower.length() <= 4 || vowels * 10 >= lower.length() * 2);
  }

  /** Whether an unquoted value is code or a variable rather than a literal. */
  static boolean code(String value) {
    if (value.startsWith("(") || value.startsWith("=>") || value.equals("{") || value.equals("[")) {
      return true;
    }
    if ((value.startsWith("{") || value.startsWith("[")) && OPENS_LITERAL.matcher(value).lookingAt()) {
      // An object or list literal: {"a": 1}, [ x, y ], {profile: p}; not {{h}o)p$...
      return true;
    }
    if (value.startsWith("function") || value.startsWith("lambda") || value.startsWith("new ")) {
      return true;
    }
    if (CALL_OR_SUBSCRIPT.matcher(value).matches()) {
      String head = value.split("[(\\[]", 2)[0].replaceFirst("^(?:new\\s+|await\\s+|&|\\*)", "");
      return wordy(head) || head.length() <= 3;
    }
    if (DOTTED.matcher(value).matches()) {
      for (String part : value.split("\\.|::|->")) {
        if (!wordy(part) && part.length() > 3) {
          return false;
        }
      }
      return true;
    }
    return COMPOUND_IDENTIFIER.matcher(value).matches() && wordy(value);
  }

  /** Letters, digits and the rest as classes present: 1 for "abc", 3 for "aB3". */
  static int classes(String value) {
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else {
        other = true;
      }
    }
    return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
  }

  static boolean hasLetterOrDigit(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isLetterOrDigit(value.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
