package dev.gttrainset.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.parse.Json;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code tools} a sample uses. Transcripts do not keep tool schemas, so each is inferred from
 * the arguments seen: property names, and their JSON type where every call agrees on it.
 */
final class ToolSchemas {
  private ToolSchemas() {}

  static ArrayNode of(Sample sample) {
    Map<String, Map<String, TreeSet<String>>> tools = new TreeMap<>();
    for (ChatMessage m : sample.messages()) {
      for (ToolCall call : m.toolCalls()) {
        Map<String, TreeSet<String>> properties =
            tools.computeIfAbsent(call.name(), name -> new TreeMap<>());
        JsonNode arguments = ToolArguments.parse(call.arguments());
        for (Iterator<Map.Entry<String, JsonNode>> it = arguments.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          properties.computeIfAbsent(field.getKey(), k -> new TreeSet<>()).add(typeOf(field.getValue()));
        }
      }
    }
    ArrayNode array = Json.MAPPER.createArrayNode();
    tools.forEach(
        (name, properties) -> {
          ObjectNode function = array.addObject().put("type", "function").putObject("function");
          function.put("name", name);
          ObjectNode parameters = function.putObject("parameters").put("type", "object");
          ObjectNode props = parameters.putObject("properties");
          properties.forEach(
              (property, types) -> {
                ObjectNode schema = props.putObject(property);
                if (types.size() == 1) {
                  schema.put("type", types.first());
                }
              });
        });
    return array;
  }

  private static String typeOf(JsonNode value) {
    switch (value.getNodeType()) {
      case STRING:
        return "string";
      case BOOLEAN:
        return "boolean";
      case ARRAY:
        return "array";
      case OBJECT:
        return "object";
      case NULL:
        return "null";
      case NUMBER:
        return value.isIntegralNumber() ? "integer" : "number";
      default:
        return "string";
    }
  }
}
