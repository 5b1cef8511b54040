package dev.gttrainset.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.parse.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Claude Code's built-in tools, described by us from their documented parameters ({@code
 * claude-code-tools.json}, beside this class): what a model needs to call them, which transcripts
 * do not keep.
 */
public final class BuiltInTools {
  private static final Map<String, String> DEFINITIONS = load();

  private BuiltInTools() {}

  /** A fresh copy of the tool's definition, or null when it is not a built-in tool. */
  static ObjectNode definition(String tool) {
    String json = DEFINITIONS.get(tool);
    if (json == null) {
      return null;
    }
    try {
      return (ObjectNode) Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static java.util.Set<String> names() {
    return DEFINITIONS.keySet();
  }

  public static boolean isBuiltIn(String tool) {
    return DEFINITIONS.containsKey(tool);
  }

  private static Map<String, String> load() {
    try (InputStream in = BuiltInTools.class.getResourceAsStream("claude-code-tools.json")) {
      if (in == null) {
        throw new IllegalStateException("claude-code-tools.json is missing from the classpath");
      }
      Map<String, String> definitions = new TreeMap<>();
      for (JsonNode tool : Json.MAPPER.readTree(in)) {
        definitions.put(tool.path("name").asText(), Json.compact(tool));
      }
      return definitions;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
