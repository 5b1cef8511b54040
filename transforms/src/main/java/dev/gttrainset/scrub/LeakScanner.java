package dev.gttrainset.scrub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import dev.gttrainset.stats.Counters;
import java.io.Serializable;
import java.util.BitSet;
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
  private final int longestKeyword;

  public LeakScanner(Scrubber scrubber) {
    this.scrubber = scrubber;
    this.longestKeyword = scrubber.longestKeyword();
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
        JsonNode value = field.getValue();
        if (value.isTextual() && PLAIN_NAME.matcher(field.getKey()).matches()) {
          scanNamedString(field.getKey(), value.asText(), rules);
        } else {
          walk(value, rules);
        }
      }
    } else if (node.isArray()) {
      node.forEach(element -> walk(element, rules));
    }
  }

  /**
   * A value on its own, then behind its name, as {@code name: value}. A match that lies within the
   * value was found on its own (no rule looks behind a value's start for a space), so behind the
   * name only matches that start in the name are new: only those starts are tried.
   */
  private void scanNamedString(String name, String value, Set<String> rules) {
    BitSet valueCandidates = scanString(value, rules);
    String prefix = name + ": ";
    String named = prefix + value;
    if (valueCandidates == null) {
      // The value was read as JSON, so the text behind the name is new all through.
      rules.addAll(scanText(named));
      return;
    }
    // Keywords inside the value are among the value's candidates; the others start in the name.
    BitSet candidates =
        scrubber.candidates(named.substring(0, Math.min(named.length(), prefix.length() + longestKeyword)));
    candidates.or(valueCandidates);
    scrubber.addRulesFiringBefore(named, prefix.length(), candidates, rules);
  }

  /**
   * Scans a string, as JSON when it holds JSON; returns the candidate rules when it was scanned as
   * text, or null.
   */
  private BitSet scanString(String text, Set<String> rules) {
    String trimmed = text.strip();
    if ((trimmed.startsWith("{") && trimmed.endsWith("}")) || (trimmed.startsWith("[") && trimmed.endsWith("]"))) {
      try {
        walk(Json.MAPPER.readTree(trimmed), rules);
        return null;
      } catch (JsonProcessingException notJson) {
        // Text that only looks like JSON is text.
      }
    }
    BitSet candidates = scrubber.candidates(text);
    Counters hits = new Counters();
    scrubber.scrub(text, candidates, hits);
    rules.addAll(hits.asMap().keySet());
    return candidates;
  }
}
