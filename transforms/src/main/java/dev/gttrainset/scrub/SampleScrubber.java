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

/**
 * Scrubs every string of a sample that reaches an output: message text and thinking, tool results,
 * the values inside tool-call arguments (the JSON stays valid), and the metadata. What the
 * assistant wrote gets references an agent would write; what it read, typed placeholders.
 */
public final class SampleScrubber implements Serializable {
  private final Scrubber scrubber;

  public SampleScrubber(Scrubber scrubber) {
    this.scrubber = scrubber;
  }

  public Sample scrub(Sample sample) {
    Counters redactions = new Counters();
    KnownSecrets known = new KnownSecrets();
    List<ChatMessage> messages = new ArrayList<>(sample.messages().size());
    for (ChatMessage message : sample.messages()) {
      messages.add(scrub(message, redactions, known));
    }
    if (!known.isEmpty()) {
      // A secret found late also stands, bare, in texts scrubbed before it was found.
      messages.replaceAll(message -> scrubKnown(message, redactions, known));
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
    return deadLetter.scrubbed(text -> scrubber.scrub(text, redactions), text -> DecodedText.of(text).text());
  }

  private static Voice voiceOf(ChatMessage message) {
    return ChatMessage.ASSISTANT.equals(message.role()) ? Voice.WRITTEN : Voice.READ;
  }

  private ChatMessage scrub(ChatMessage message, Counters redactions, KnownSecrets known) {
    Voice voice = voiceOf(message);
    List<ToolCall> calls = new ArrayList<>(message.toolCalls().size());
    for (ToolCall call : message.toolCalls()) {
      calls.add(call.withArguments(scrubJson(call.arguments(), voice, redactions, known)));
    }
    return message.toBuilder()
        .setText(scrubber.scrub(message.text(), voice, redactions, known))
        .setThinking(scrubber.scrub(message.thinking(), voice, redactions, known))
        .setToolCalls(List.copyOf(calls))
        .build();
  }

  /** Placeholders are JSON-safe, so known secrets are replaced in tool arguments as text. */
  private ChatMessage scrubKnown(ChatMessage message, Counters redactions, KnownSecrets known) {
    Voice voice = voiceOf(message);
    List<ToolCall> calls = new ArrayList<>(message.toolCalls().size());
    for (ToolCall call : message.toolCalls()) {
      calls.add(call.withArguments(scrubber.scrubKnown(call.arguments(), voice, redactions, known)));
    }
    return message.toBuilder()
        .setText(scrubber.scrubKnown(message.text(), voice, redactions, known))
        .setThinking(scrubber.scrubKnown(message.thinking(), voice, redactions, known))
        .setToolCalls(List.copyOf(calls))
        .build();
  }

  /** Scrubs the string values inside JSON text; text that is not JSON is scrubbed as text. */
  private String scrubJson(String json, Voice voice, Counters redactions, KnownSecrets known) {
    JsonNode tree;
    try {
      tree = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      return scrubber.scrub(json, voice, redactions, known);
    }
    return Json.compact(scrubNode(tree, voice, redactions, known));
  }

  private JsonNode scrubNode(JsonNode node, Voice voice, Counters redactions, KnownSecrets known) {
    if (node.isTextual()) {
      return TextNode.valueOf(scrubber.scrub(node.asText(), voice, redactions, known));
    }
    if (node.isObject()) {
      // Rebuilt, so keys are scrubbed too: a key can be a path such as /home/alice/notes.
      ObjectNode scrubbed = Json.MAPPER.createObjectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode value = field.getValue();
        scrubbed.set(
            scrubber.scrub(field.getKey(), voice, redactions, known),
            value.isTextual()
                ? TextNode.valueOf(scrubNamedValue(field.getKey(), value.asText(), voice, redactions, known))
                : scrubNode(value, voice, redactions, known));
      }
      return scrubbed;
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, scrubNode(array.get(i), voice, redactions, known));
      }
      return array;
    }
    return node;
  }

  /**
   * A value is scrubbed alone, then once more behind its name ({@link NamedValue}), so that rules
   * which need the name see it: {@code "DB_PASSWORD": "x"} as {@code DB_PASSWORD: x}.
   */
  private String scrubNamedValue(String name, String value, Voice voice, Counters redactions, KnownSecrets known) {
    String alone = scrubber.scrub(value, voice, redactions, known);
    String prefix = NamedValue.prefix(name);
    if (prefix == null) {
      return alone;
    }
    Counters named = new Counters();
    String withName = scrubber.scrub(prefix + alone, voice, named, known);
    if (named.asMap().isEmpty() || !withName.startsWith(prefix)) {
      return alone;
    }
    named.forEach(redactions::add);
    return withName.substring(prefix.length());
  }
}
