package dev.gttrainset.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.parse.Json;

/**
 * {@code {"messages":[...],"tools":[...]}}: tool calls carry their arguments as a JSON string, as
 * OpenAI's wire format does, and every call is followed by its {@code tool} reply.
 */
final class OpenAiRecord {
  private OpenAiRecord() {}

  static ObjectNode body(Sample sample, boolean keepThinking) {
    ObjectNode record = Json.MAPPER.createObjectNode();
    ArrayNode messages = record.putArray("messages");
    for (ChatMessage m : sample.messages()) {
      ObjectNode message = messages.addObject();
      message.put("role", m.role());
      if (m.isTool()) {
        message.put("tool_call_id", m.toolCallId());
        message.put("content", m.text());
        continue;
      }
      message.put("content", m.isAssistant() ? Thinking.withAnswer(m, keepThinking) : m.text());
      if (m.context()) {
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
          function.put("arguments", call.arguments());
        }
      }
    }
    record.set("tools", ToolSchemas.of(sample));
    return record;
  }
}
