package dev.gttrainset.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import dev.gttrainset.scrub.DecodedText;
import dev.gttrainset.scrub.Finding;
import dev.gttrainset.scrub.NamedValue;
import dev.gttrainset.scrub.Scrubber;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The leak gate's check of one output: what any scrub rule would still replace, and what {@link
 * SecretTokens} sees, in every string of a record. A record is read as the scrubber read its
 * input: each string through {@link DecodedText}, strings that hold JSON (tool arguments) as JSON,
 * and where a field name is the data's (in a tool call's arguments, in JSON inside a string) each
 * string value also behind it ({@link NamedValue}). The record's own field names ({@code content},
 * {@code role}, ...) are the job's, not the data's: no value is read behind them.
 */
public final class LeakCheck implements Serializable {
  private final Scrubber rules;
  private final SecretTokens tokens = new SecretTokens();
  /** Strings this check found nothing in: a tool's schema, a system prompt, the messages windows share. */
  private final transient CleanTexts clean = new CleanTexts();

  /** The field that holds a tool call's arguments in every record format: its names are the data's. */
  private static final String ARGUMENTS = "arguments";

  public LeakCheck(Scrubber rules) {
    this.rules = rules;
  }

  /** A copy a runner made starts with a memo of its own. */
  private Object readResolve() {
    return new LeakCheck(rules);
  }

  public static LeakCheck withDefaultRules() {
    return new LeakCheck(Scrubber.withDefaultRules());
  }

  /** The leaks in one JSON-lines record, in the order they stand; empty when it is clean. */
  public List<Leak> inRecord(String jsonLine) {
    try {
      return inRecord(Json.MAPPER.readTree(jsonLine));
    } catch (JsonProcessingException notJson) {
      return inText(jsonLine, "");
    }
  }

  public List<Leak> inRecord(JsonNode record) {
    Set<Leak> leaks = new LinkedHashSet<>();
    walk(record, "", false, leaks);
    return new ArrayList<>(leaks);
  }

  /** The leaks in plain text (a report's line), located by {@code where} and line. */
  public List<Leak> inText(String text, String where) {
    Set<Leak> leaks = new LinkedHashSet<>();
    checkText(text, where, leaks);
    return new ArrayList<>(leaks);
  }

  /** @param dataNames whether the field names here are the data's rather than the record's */
  private void walk(JsonNode node, String path, boolean dataNames, Set<Leak> leaks) {
    if (node.isTextual()) {
      checkString(node.asText(), path, leaks);
    } else if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String name = field.getKey();
        String at = path + "/" + name;
        checkText(name, at + " (name)", leaks);
        JsonNode value = field.getValue();
        String prefix = dataNames ? NamedValue.prefix(name) : null;
        if (value.isTextual() && prefix != null && !holdsJson(value.asText())) {
          checkString(value.asText(), at, leaks);
          checkNamed(prefix, value.asText(), at, leaks);
        } else {
          walk(value, at, dataNames || ARGUMENTS.equals(name), leaks);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "/" + i, dataNames, leaks);
      }
    }
  }

  private void checkString(String text, String path, Set<Leak> leaks) {
    if (holdsJson(text)) {
      try {
        walk(Json.MAPPER.readTree(text.strip()), path, true, leaks);
        return;
      } catch (JsonProcessingException notJson) {
        // Text that only looks like JSON is text.
      }
    }
    checkText(text, path, leaks);
  }

  private void checkText(String text, String path, Set<Leak> leaks) {
    if (text.isEmpty() || clean.contains(text)) {
      return;
    }
    int before = leaks.size();
    DecodedText decoded = DecodedText.of(text);
    String read = decoded.text();
    for (Finding finding : rules.find(decoded)) {
      leaks.add(new Leak(finding.ruleId(), path + " line " + lineOf(read, finding.start())));
    }
    for (SecretTokens.Hit hit : tokens.find(read)) {
      leaks.add(new Leak(SecretTokens.RULE, path + " line " + hit.line));
    }
    if (leaks.size() == before) {
      clean.add(text);
    }
  }

  /** A value behind its name: only what lies in the value, and was not found in it alone, is new. */
  private void checkNamed(String prefix, String value, String path, Set<Leak> leaks) {
    DecodedText decoded = DecodedText.of(prefix + value);
    String read = decoded.text();
    int valueStart = prefix.length();
    for (Finding finding : rules.find(decoded)) {
      if (finding.start() >= valueStart) {
        leaks.add(new Leak(finding.ruleId(), path + " line " + lineOf(read, finding.start())));
      }
    }
    for (SecretTokens.Hit hit : tokens.find(read)) {
      leaks.add(new Leak(SecretTokens.RULE, path + " line " + hit.line));
    }
  }

  private static boolean holdsJson(String text) {
    String t = text.strip();
    return t.length() >= 2
        && ((t.charAt(0) == '{' && t.charAt(t.length() - 1) == '}') || (t.charAt(0) == '[' && t.charAt(t.length() - 1) == ']'));
  }

  private static int lineOf(String text, int at) {
    int line = 1;
    for (int i = 0; i < at && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
