package dev.gttrainset.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.parse.GtLogParser;
import dev.gttrainset.parse.Timestamps;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.parse.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code stats.json}: the summed statistics as nested JSON (the dotted key {@code
 * lines.skipped.progress} becomes {@code {"lines":{"skipped":{"progress":N}}}}), with what can be
 * derived from them: source paths and whether each was found, role shares, costs in dollars, and
 * whether the accounting balances.
 */
public final class StatsDocument {
  private static final String MICROS_SUFFIX = "cost_micros";

  /** The most entries a group of counts keeps; the rest are summed as {@link #OTHER}. */
  static final int MAX_GROUP = 100;

  static final String OTHER = "_other";

  private StatsDocument() {}

  static ObjectNode build(Map<String, Long> counts, ReportContext context) {
    ObjectNode root = Json.MAPPER.createObjectNode();
    ObjectNode lines = root.putObject("lines");
    lines.put("read", 0).put("used", 0).putObject("skipped");
    lines.put("dead_letters", 0);
    root.putObject("samples").put("built", 0).put("repeated", 0).put("written", 0).put("duplicates", 0).put("rejected", 0);
    root.putObject("roles");
    root.putObject("redactions");
    root.putObject("sources");
    new TreeMap<>(counts).forEach((key, value) -> put(root, context.scrub(key), value));
    capGroups(root);

    ObjectNode sources = (ObjectNode) root.get("sources");
    context
        .sourcePaths()
        .forEach(
            (name, path) -> {
              ObjectNode source = child(sources, name);
              source.put("path", path);
              // Found: at least one of its files (or a live server's pages) could be read.
              source.put("found", source.path("files").asLong(0) > source.path("files_failed").asLong(0));
              for (String measure : new String[] {"files", "records", "lines", "dead_letters"}) {
                if (!source.has(measure)) {
                  source.put(measure, 0);
                }
              }
            });

    long written = root.path("samples").path("written").asLong();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.get("roles").fields(); it.hasNext(); ) {
      ObjectNode role = (ObjectNode) it.next().getValue();
      for (String measure : new String[] {"sessions", "samples", "train", "val"}) {
        if (!role.has(measure)) {
          role.put(measure, 0);
        }
      }
      role.put("share_of_samples_pct", percent(role.path("samples").asLong(), written));
    }

    ObjectNode accounting = root.putObject("accounting");
    RunStats run = RunStats.of(root);
    accounting.put("lines_balanced", run.linesBalance() == 0);
    accounting.put("samples_balanced", run.samplesBalance() == 0);
    ObjectNode settings = root.putObject("settings");
    context.settings().forEach(settings::put);
    return root;
  }

  /** stats.json read back as it was built: decimals keep their scale ({@code 1.50} stays {@code 1.50}). */
  static JsonNode parse(String json) {
    try {
      return Json.MAPPER
          .reader()
          .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stats.json as built always parses", e);
    }
  }

  public static String pretty(ObjectNode document) {
    try {
      return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a built tree always serializes", e);
    }
  }

  static BigDecimal percent(long part, long whole) {
    if (whole == 0) {
      return BigDecimal.ZERO;
    }
    return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }

  /** The object under {@code name}, created when absent. */
  static ObjectNode child(ObjectNode parent, String name) {
    JsonNode existing = parent.get(name);
    return existing instanceof ObjectNode ? (ObjectNode) existing : parent.putObject(name);
  }

  private static void put(ObjectNode root, String key, long value) {
    String[] path = key.split("\\.");
    ObjectNode node = root;
    for (int i = 0; i < path.length - 1; i++) {
      node = child(node, path[i]);
    }
    String leaf = path[path.length - 1];
    if (leaf.endsWith(MICROS_SUFFIX)) {
      String name = leaf.substring(0, leaf.length() - MICROS_SUFFIX.length()) + "cost_usd";
      node.put(name, GtLogParser.dollars(value));
    } else if (leaf.endsWith(StatKeys.MILLIS_SUFFIX)) {
      // A moment, not a count: shown as a time.
      node.put(leaf.substring(0, leaf.length() - StatKeys.MILLIS_SUFFIX.length()), Timestamps.format(value));
    } else {
      // Two keys can meet once scrubbed: their counts add up.
      node.put(leaf, node.path(leaf).asLong(0) + value);
    }
  }

  /**
   * Keeps groups of counts readable whatever the data holds: a group of more than {@link
   * #MAX_GROUP} counts keeps its largest and sums the rest as {@code _other}, so totals still add.
   */
  private static void capGroups(ObjectNode node) {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    node.fields().forEachRemaining(fields::add);
    boolean allCounts = fields.stream().allMatch(f -> f.getValue().isIntegralNumber());
    if (allCounts && fields.size() > MAX_GROUP) {
      fields.sort(
          Comparator.comparingLong((Map.Entry<String, JsonNode> f) -> -f.getValue().asLong())
              .thenComparing(Map.Entry::getKey));
      long other = 0;
      for (Map.Entry<String, JsonNode> dropped : fields.subList(MAX_GROUP - 1, fields.size())) {
        other += dropped.getValue().asLong();
      }
      List<Map.Entry<String, JsonNode>> kept = new ArrayList<>(fields.subList(0, MAX_GROUP - 1));
      kept.sort(Map.Entry.comparingByKey());
      node.removeAll();
      kept.forEach(f -> node.set(f.getKey(), f.getValue()));
      node.put(OTHER, other);
      return;
    }
    for (Map.Entry<String, JsonNode> field : fields) {
      if (field.getValue() instanceof ObjectNode) {
        capGroups((ObjectNode) field.getValue());
      }
    }
  }
}
