package dev.gttrainset.scrub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import dev.gttrainset.stats.Counters;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Finds what the scrub rules would still replace in written output, without changing it: the leak
 * gate's eye. It reads JSON the way the scrubber read its input: every string on its own, every
 * value also behind its field name, and strings that hold JSON (tool-call arguments) as JSON.
 */
public final class LeakScanner implements Serializable {
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]{0,63}");

  private final Scrubber scrubber;

  public LeakScanner(Scrubber scrubber) {
    this.scrubber = scrubber;
  }

  /** The ids of the rules that fire anywhere in the text; empty when it is clean. */
  public Set<String> scanText(String text) {
    Counters hits = new Counters();
    scrubber.scrub(text, hits);
    return new TreeSet<>(hits.asMap().keySet());
  }

  /** The ids of the rules that fire anywhere in the JSON value; empty when it is clean. */
  public Set<String> scanJson(JsonNode node) {
    Set<String> rules = new TreeSet<>();
    walk(node, rules);
    return rules;
  }

  private void walk(JsonNode node, Set<String> rules) {
    if (node.isTextual()) {
      scanString(node.asText(), rules);
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        rules.addAll(scanText(field.getKey()));
        walk(field.getValue(), rules);
        if (field.getValue().isTextual() && PLAIN_NAME.matcher(field.getKey()).matches()) {
          rules.addAll(scanText(field.getKey() + ": " + field.getValue().asText()));
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> walk(element, rules));
    }
  }

  private void scanString(String text, Set<String> rules) {
    String trimmed = text.strip();
    if ((trimmed.startsWith("{") && trimmed.endsWith("}")) || (trimmed.startsWith("[") && trimmed.endsWith("]"))) {
      try {
        walk(Json.MAPPER.readTree(trimmed), rules);
        return;
      } catch (JsonProcessingException notJson) {
        // Text that only looks like JSON is text.
      }
    }
    rules.addAll(scanText(text));
  }
}
