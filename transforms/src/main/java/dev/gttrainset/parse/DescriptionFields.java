package dev.gttrainset.parse;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code key: value} lines Gas Town writes into a bead's description to carry structured
 * fields ({@code branch: polecat/toast/gt-abc}, {@code source_issue: gt-abc}, {@code worker:
 * toast}); keys lower-cased, spaces as underscores, the first of a key kept.
 */
final class DescriptionFields {
  private DescriptionFields() {}

  static Map<String, String> of(String description) {
    Map<String, String> fields = new TreeMap<>();
    for (String line : description.split("\n")) {
      int colon = line.indexOf(':');
      if (colon <= 0 || colon > 40) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
      String value = line.substring(colon + 1).strip();
      if (key.matches("[a-z_]+") && !value.isEmpty()) {
        fields.putIfAbsent(key, value);
      }
    }
    return fields;
  }
}
