package dev.gttrainset.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.parse.Json;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * One tool's definition for the run. A built-in Claude Code tool keeps its hand-written one, with
 * any argument its calls pass that the definition does not know added as learned; any other tool
 * gets a schema learned from its calls (an argument's type where the calls agree on one, required
 * where every call passes it) and a description generated from its name.
 */
final class ToolSchema {
  private ToolSchema() {}

  static ObjectNode of(String tool, long calls, Map<String, ToolUsage.Argument> arguments) {
    ObjectNode function = BuiltInTools.definition(tool);
    if (function == null) {
      function = Json.MAPPER.createObjectNode().put("name", tool).put("description", describe(tool));
      ObjectNode parameters = function.putObject("parameters").put("type", "object");
      parameters.putObject("properties");
      ArrayNode required = parameters.putArray("required");
      arguments.forEach((name, argument) -> {
        if (argument.calls == calls) {
          required.add(name);
        }
      });
    }
    ObjectNode properties = child(child(function, "parameters").put("type", "object"), "properties");
    arguments.forEach(
        (name, argument) -> {
          if (!properties.has(name)) {
            ObjectNode property = properties.putObject(name);
            String type = typeOf(argument.types);
            if (type != null) {
              property.put("type", type);
            }
          }
        });
    return function;
  }

  private static ObjectNode child(ObjectNode parent, String name) {
    return parent.get(name) instanceof ObjectNode ? (ObjectNode) parent.get(name) : parent.putObject(name);
  }

  /** The one type the calls agree on (a whole number is a number too); none when they disagree. */
  private static String typeOf(TreeSet<String> seen) {
    TreeSet<String> types = new TreeSet<>(seen);
    types.remove("null");
    if (types.contains("number")) {
      types.remove("integer");
    }
    return types.size() == 1 ? types.first() : null;
  }

  /** {@code mcp__github__get_issue}: the tool {@code get issue} of the MCP server {@code github}. */
  static String describe(String tool) {
    String[] parts = tool.split("__", 3);
    if (parts.length == 3 && parts[0].equals("mcp")) {
      return String.format(
          Locale.ROOT,
          "The %s of the %s MCP server (%s); its parameters are learned from the calls in these sessions.",
          aTool(parts[2]), parts[1], tool);
    }
    return String.format(
        Locale.ROOT,
        "The %s (%s), not a built-in Claude Code tool; its parameters are learned from the calls in these sessions.",
        aTool(tool), tool);
  }

  /** {@code get_issue}: {@code get issue tool}; {@code FailingTool}: {@code failing tool}. */
  private static String aTool(String name) {
    String words = words(name);
    return words.equals("tool") || words.endsWith(" tool") ? words : words + " tool";
  }

  /** {@code get_issue}, {@code getIssue}, {@code get-issue}: {@code get issue}. */
  private static String words(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT).strip();
  }
}
