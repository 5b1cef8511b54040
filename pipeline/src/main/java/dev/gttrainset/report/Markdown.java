package dev.gttrainset.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's Markdown: counts written the one way every section writes them, and its tables. */
public final class Markdown {
  private Markdown() {}

  /** A count with thousands separators, the same on every machine. */
  public static String n(long count) {
    return String.format(Locale.ROOT, "%,d", count);
  }

  static String n(JsonNode count) {
    return n(count.asLong());
  }

  /** "1 session", "2 sessions". */
  static String plural(long count, String noun) {
    return n(count) + " " + noun + (count == 1 ? "" : "s");
  }

  /** A row of a table: {@code | a | b |}, each cell as it is given. */
  static void row(StringBuilder md, Object... cells) {
    md.append('|');
    for (Object cell : cells) {
      md.append(' ').append(cell).append(" |");
    }
    md.append('\n');
  }

  /** A table of counts by name, largest first, under an optional heading; nothing for no counts. */
  static void countTable(StringBuilder md, String title, String what, String unit, JsonNode counts) {
    if (counts.isMissingNode() || counts.size() == 0) {
      return;
    }
    if (title != null) {
      md.append("### ").append(title).append("\n\n");
    }
    row(md, what, unit);
    md.append("|---|---:|\n");
    List<Map.Entry<String, JsonNode>> rows = new ArrayList<>();
    counts.fields().forEachRemaining(rows::add);
    rows.sort(
        Comparator.comparingLong((Map.Entry<String, JsonNode> e) -> -e.getValue().asLong())
            .thenComparing(Map.Entry::getKey));
    for (Map.Entry<String, JsonNode> row : rows) {
      row(md, "`" + row.getKey() + "`", n(row.getValue()));
    }
    md.append('\n');
  }
}
