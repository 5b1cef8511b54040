package dev.gttrainset.output;

import dev.gttrainset.tools.ToolArguments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.parse.Json;
import java.util.List;

/**
 * A sample's {@code messages} in the chat shape OpenAI defined and chat templates read: assistant
 * messages with {@code tool_calls}, each call followed by its {@code tool} reply. The two dialects
 * differ in a call's {@code arguments}: a JSON string on OpenAI's wire, an object for templates
 * (Qwen2.5 and Llama 3.1 encode a string again).
 */
final class ChatMessages {
  enum Dialect {
    /** Arguments as objects; replies name their tool. */
    TEMPLATES,
    /** Arguments as JSON strings; replies carry only what OpenAI's upload accepts. */
    OPENAI
  }

  private ChatMessages() {}

  static ArrayNode of(List<ChatMessage> messages, boolean keepThinking, Dialect dialect) {
    ArrayNode array = Json.MAPPER.createArrayNode();
    for (ChatMessage m : messages) {
      ObjectNode message = array.addObject();
      message.put("role", m.role());
      if (m.isTool()) {
        message.put("tool_call_id", m.toolCallId());
        if (dialect == Dialect.TEMPLATES) {
          message.put("name", m.toolName());
        }
        message.put("content", m.text());
        continue;
      }
      message.put("content", m.isAssistant() ? Thinking.withAnswer(m, keepThinking) : m.text());
      if (m.isAssistant() && m.context()) {
        // Shown for context; another sample trains it, or nobody should.
        message.put("weight", 0);
      }
      if (!m.toolCalls().isEmpty()) {
        ArrayNode calls = message.putArray("tool_calls");
        for (ToolCall call : m.toolCalls()) {
          ObjectNode entry = calls.addObject();
          entry.put("id", call.id());
          entry.put("type", "function");
          ObjectNode function = entry.putObject("function");
          function.put("name", call.name());
          if (dialect == Dialect.OPENAI) {
            function.put("arguments", call.arguments());
          } else {
            function.set("arguments", asObject(call.arguments()));
          }
        }
      }
    }
    return array;
  }

  /** A call's input as an object; one that is not (never seen from Claude Code) under {@code input}. */
  private static JsonNode asObject(String arguments) {
    JsonNode parsed = ToolArguments.parse(arguments);
    return parsed.isObject() ? parsed : Json.MAPPER.createObjectNode().set("input", parsed);
  }
}
