package dev.gttrainset.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gttrainset.parse.Json;

/** Tool-call arguments back as JSON; arguments that are not JSON stay a string. */
public final class ToolArguments {
  private ToolArguments() {}

  public static JsonNode parse(String arguments) {
    try {
      return Json.MAPPER.readTree(arguments);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(arguments);
    }
  }
}
