package dev.gttrainset.testdata;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Map;

/** One content block of an assistant message, as the Anthropic API writes it. */
interface Block {
  void write(JsonGenerator json) throws IOException;

  static Block text(String text) {
    return json -> {
      json.writeStartObject();
      json.writeStringField("type", "text");
      json.writeStringField("text", text);
      json.writeEndObject();
    };
  }

  static Block thinking(String thinking, String signature) {
    return json -> {
      json.writeStartObject();
      json.writeStringField("type", "thinking");
      json.writeStringField("thinking", thinking);
      json.writeStringField("signature", signature);
      json.writeEndObject();
    };
  }

  /** A tool call; {@code input} keeps its order, as the model wrote it. */
  static Block toolUse(String id, String name, Map<String, String> input) {
    return json -> {
      json.writeStartObject();
      json.writeStringField("type", "tool_use");
      json.writeStringField("id", id);
      json.writeStringField("name", name);
      json.writeObjectFieldStart("input");
      for (Map.Entry<String, String> field : input.entrySet()) {
        json.writeStringField(field.getKey(), field.getValue());
      }
      json.writeEndObject();
      json.writeEndObject();
    };
  }
}
