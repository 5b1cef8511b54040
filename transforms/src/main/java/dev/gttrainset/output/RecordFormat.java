package dev.gttrainset.output;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.parse.Json;
import dev.gttrainset.tools.ToolTable;
import java.util.List;
import java.util.Locale;

/** The dataset record shapes the job writes, each for the trainers that read it as it is. */
public enum RecordFormat {
  /**
   * {@code messages} with tool calls whose arguments are objects, {@code tools}, {@code metadata}:
   * what TRL, Axolotl's {@code chat_template} type and vLLM render with chat templates.
   */
  CHAT {
    @Override
    ObjectNode body(List<ChatMessage> messages, ToolTable tools, String role, Records.Shape shape) {
      return chat(messages, tools.chatTools(role), shape, ChatMessages.Dialect.TEMPLATES);
    }
  },
  /**
   * Exactly what OpenAI's fine-tuning upload accepts: {@code messages} (arguments as JSON strings),
   * {@code tools}, {@code parallel_tool_calls}; the metadata goes to a file beside.
   */
  OPENAI {
    @Override
    ObjectNode body(List<ChatMessage> messages, ToolTable tools, String role, Records.Shape shape) {
      ArrayNode roleTools = tools.chatTools(role);
      if (roleTools.isEmpty()) {
        // A role that calls no tool: plain chat, with no tool settings for the upload to question.
        return messagesOnly(messages, shape, ChatMessages.Dialect.OPENAI);
      }
      ObjectNode record = chat(messages, roleTools, shape, ChatMessages.Dialect.OPENAI);
      record.put("parallel_tool_calls", shape.callsPerMessage() == CallsPerMessage.ANY);
      return record;
    }

    @Override
    boolean metadataBeside() {
      return true;
    }
  },
  /**
   * ShareGPT {@code conversations}, strictly alternating human and gpt, tool calls as text blocks,
   * and {@code tools} as LLaMA-Factory reads them.
   */
  SHAREGPT {
    @Override
    ObjectNode body(List<ChatMessage> messages, ToolTable tools, String role, Records.Shape shape) {
      ObjectNode record = ShareGptRecord.body(messages, shape.keepThinking());
      record.put("tools", tools.plainTools(role));
      return record;
    }
  };

  /** The record without its metadata. */
  abstract ObjectNode body(List<ChatMessage> messages, ToolTable tools, String role, Records.Shape shape);

  private static ObjectNode chat(
      List<ChatMessage> messages, ArrayNode tools, Records.Shape shape, ChatMessages.Dialect dialect) {
    ObjectNode record = messagesOnly(messages, shape, dialect);
    record.set("tools", tools);
    return record;
  }

  private static ObjectNode messagesOnly(List<ChatMessage> messages, Records.Shape shape, ChatMessages.Dialect dialect) {
    ObjectNode record = Json.MAPPER.createObjectNode();
    record.set("messages", ChatMessages.of(messages, shape.keepThinking(), dialect));
    return record;
  }

  /** Whether the metadata goes to {@code <file>.meta.jsonl}, line for line, instead of into the record. */
  boolean metadataBeside() {
    return false;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static RecordFormat parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--format must be chat, openai or sharegpt, not \"" + name + "\"", e);
    }
  }
}
