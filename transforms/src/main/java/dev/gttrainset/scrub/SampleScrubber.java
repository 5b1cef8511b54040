package dev.gttrainset.scrub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.parse.Json;
import dev.gttrainset.stats.Counters;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Scrubs every string of a sample that reaches an output: message text and thinking, tool results,
 * the values inside tool-call arguments (the JSON stays valid), and the metadata.
 */
public final class SampleScrubber implements Serializable {
  /** A field name that no rule can change on its own, so it can stand in front of its value. */
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_\\-]{0,63}");

  private final Scrubber scrubber;

  public SampleScrubber(Scrubber scrubber) {
    this.scrubber = scrubber;
  }

  public Sample scrub(Sample sample) {
    Counters redactions = new Counters();
    List<ChatMessage> messages = new ArrayList<>(sample.messages().size());
    for (ChatMessage message : sample.messages()) {
      messages.add(scrub(message, redactions));
    }
    RoleTag role = sample.role();
    return sample.toBuilder()
        .setSourceFile(scrubber.scrub(sample.sourceFile(), redactions))
        .setRole(
            RoleTag.create(
                role.role(),
                scrubber.scrub(role.rig(), redactions),
                scrubber.scrub(role.worker(), redactions),
                role.signal()))
        .setMessages(List.copyOf(messages))
        .setRedactions(Map.copyOf(redactions.asMap()))
        .build();
  }

  public DeadLetter scrub(DeadLetter deadLetter, Counters redactions) {
    return deadLetter.scrubbed(text -> scrubber.scrub(text, redactions), JsonEscapes::unescape);
  }

  private ChatMessage scrub(ChatMessage message, Counters redactions) {
    List<ToolCall> calls = new ArrayList<>(message.toolCalls().size());
    for (ToolCall call : message.toolCalls()) {
      calls.add(call.withArguments(scrubJson(call.arguments(), redactions)));
    }
    return message.toBuilder()
        .setText(scrubber.scrub(message.text(), redactions))
        .setThinking(scrubber.scrub(message.thinking(), redactions))
        .setToolCalls(List.copyOf(calls))
        .build();
  }

  /** Scrubs the string values inside JSON text; text that is not JSON is scrubbed as text. */
  private String scrubJson(String json, Counters redactions) {
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return scrubber.scrub(json, redactions);
    }
    return Json.compact(scrubNode(tree, redactions));
  }

  private JsonNode scrubNode(JsonNode node, Counters redactions) {
    if (node.isTextual()) {
      return TextNode.valueOf(scrubber.scrub(node.asText(), redactions));
    }
    if (node.isObject()) {
      // Rebuilt, so keys are scrubbed too: a key can be a path such as /home/alice/notes.
      ObjectNode scrubbed = Json.MAPPER.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = field.getValue();
        scrubbed.set(
            scrubber.scrub(field.getKey(), redactions),
            value.isTextual()
                ? TextNode.valueOf(scrubNamedValue(field.getKey(), value.asText(), redactions))
                : scrubNode(value, redactions));
      }
      return scrubbed;
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, scrubNode(array.get(i), redactions));
      }
      return array;
    }
    return node;
  }

  /**
   * A value is scrubbed alone, then once more behind its name, so that rules which need the name
   * see it: {@code "DB_PASSWORD": "x"} as {@code DB_PASSWORD: x}, {@code "Authorization": "Bearer
   * x"} as the header it is.
   */
  private String scrubNamedValue(String name, String value, Counters redactions) {
    String alone = scrubber.scrub(value, redactions);
    if (!PLAIN_NAME.matcher(name).matches()) {
      return alone;
    }
    String prefix = name + ": ";
    Counters named = new Counters();
    String withName = scrubber.scrub(prefix + alone, named);
    if (named.asMap().isEmpty() || !withName.startsWith(prefix)) {
      return alone;
    }
    named.forEach(redactions::add);
    return withName.substring(prefix.length());
  }
}
