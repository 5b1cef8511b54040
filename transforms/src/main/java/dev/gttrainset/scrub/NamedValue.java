package dev.gttrainset.scrub;

import java.util.regex.Pattern;

/**
 * How a JSON string is read behind the field name it stands under: {@code "DB_PASSWORD": "x"} is
 * also read as {@code DB_PASSWORD: x}, so rules that need a name see it. The scrubber and the leak
 * gate read named values this one way.
 */
public final class NamedValue {
  private NamedValue() {}

  /** A field name that no rule can change on its own, so it can stand in front of its value. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-.]{0,63}");

  /** The text put before a value to read it behind its name, or null when the name is not plain. */
  public static String prefix(String name) {
    return PLAIN_NAME.matcher(name).matches() ? name + ": " : null;
  }
}
