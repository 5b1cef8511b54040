package dev.gttrainset.output;

import dev.gttrainset.tools.ToolArguments;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.parse.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code {"conversations":[{"from":"system|human|gpt","value":...}]}}, strictly alternating human
 * and gpt after the system turn. Tool calls become {@code <tool_call>} blocks in the gpt turn and
 * their replies {@code <tool_response>} blocks in the human turn that follows, as Hermes-style
 * Axolotl templates expect.
 */
final class ShareGptRecord {
  private ShareGptRecord() {}

  static ObjectNode body(List<ChatMessage> messages, boolean keepThinking) {
    List<String[]> turns = new ArrayList<>();
    for (ChatMessage m : messages) {
      if (m.isSystem()) {
        turns.add(new String[] {"system", m.text()});
      } else if (m.isAssistant()) {
        append(turns, "gpt", gptValue(m, keepThinking));
      } else if (m.isTool()) {
        append(turns, "human", "<tool_response>\n" + m.text() + "\n</tool_response>");
      } else {
        append(turns, "human", m.text());
      }
    }
    ObjectNode record = Json.MAPPER.createObjectNode();
    ArrayNode conversations = record.putArray("conversations");
    for (String[] turn : turns) {
      conversations.addObject().put("from", turn[0]).put("value", turn[1]);
    }
    return record;
  }

  /** Same speaker twice in a row becomes one turn, so the turns alternate. */
  private static void append(List<String[]> turns, String from, String value) {
    String[] last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
    if (last != null && last[0].equals(from)) {
      last[1] = last[1].isEmpty() ? value : last[1] + "\n\n" + value;
    } else {
      turns.add(new String[] {from, value});
    }
  }

  private static String gptValue(ChatMessage m, boolean keepThinking) {
    StringBuilder value = new StringBuilder(Thinking.withAnswer(m, keepThinking));
    for (ToolCall call : m.toolCalls()) {
      ObjectNode block = Json.MAPPER.createObjectNode().put("name", call.name());
      block.set("arguments", ToolArguments.parse(call.arguments()));
      if (value.length() > 0) {
        value.append("\n\n");
      }
      value.append("<tool_call>\n").append(Json.compact(block)).append("\n</tool_call>");
    }
    return value.toString();
  }
}
