package dev.gttrainset.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.model.Sample;
import dev.gttrainset.parse.Json;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run's one tool table: a function definition ({@code name}, {@code description}, {@code
 * parameters}) per tool name, and the tools each role calls. Every sample of a role lists the same
 * tools with the same schemas, so the files of all roles load as one table and a model sees one
 * stable tool list. Claude Code's built-in tools have hand-written definitions ({@link
 * BuiltInTools}); MCP and other tools have schemas learned from all their calls in the run.
 */
public final class ToolTable implements Serializable {
  private final TreeMap<String, String> functions;
  private final TreeMap<String, List<String>> toolsByRole;
  private transient Map<String, ArrayNode> chatTools;
  private transient Map<String, String> plainTools;

  ToolTable(TreeMap<String, String> functions, TreeMap<String, List<String>> toolsByRole) {
    this.functions = functions;
    this.toolsByRole = toolsByRole;
  }

  /** The table the calls of these samples describe. */
  public static ToolTable learnedFrom(Iterable<Sample> samples) {
    ToolUsage usage = new ToolUsage();
    samples.forEach(usage::add);
    return learnedFrom(usage);
  }

  /** The table the calls of a run describe. */
  static ToolTable learnedFrom(ToolUsage usage) {
    TreeMap<String, String> functions = new TreeMap<>();
    usage.calls.forEach(
        (tool, calls) -> functions.put(tool, Json.compact(ToolSchema.of(tool, calls, usage.arguments.get(tool)))));
    TreeMap<String, List<String>> byRole = new TreeMap<>();
    usage.toolsByRole.forEach((role, tools) -> byRole.put(role, List.copyOf(tools)));
    return new ToolTable(functions, byRole);
  }

  /** The tools a role's agents call, by name. */
  public List<String> toolsOf(String role) {
    return toolsByRole.getOrDefault(role, List.of());
  }

  /** Every tool of the run with its definition, {@code name}, {@code description}, {@code parameters}. */
  public Map<String, ObjectNode> functions() {
    Map<String, ObjectNode> all = new TreeMap<>();
    functions.forEach((name, json) -> all.put(name, parse(json)));
    return all;
  }

  /**
   * The role's {@code tools} column as chat templates and OpenAI read it: {@code [{"type":
   * "function", "function": {...}}]}. The same node for every sample of the role: never changed.
   */
  public ArrayNode chatTools(String role) {
    return caches().computeIfAbsent(
        role,
        r -> {
          ArrayNode tools = Json.MAPPER.createArrayNode();
          for (String name : toolsOf(r)) {
            tools.addObject().put("type", "function").set("function", parse(functions.get(name)));
          }
          return tools;
        });
  }

  /** The role's tools as LLaMA-Factory reads them: a JSON string of {@code [{name, description, parameters}]}. */
  public String plainTools(String role) {
    caches();
    return plainTools.computeIfAbsent(
        role,
        r -> {
          ArrayNode tools = Json.MAPPER.createArrayNode();
          for (String name : toolsOf(r)) {
            tools.add(parse(functions.get(name)));
          }
          return Json.compact(tools);
        });
  }

  /** The columns already built, per role: every sample of a role shares them. */
  private synchronized Map<String, ArrayNode> caches() {
    if (chatTools == null) {
      chatTools = new ConcurrentHashMap<>();
      plainTools = new ConcurrentHashMap<>();
    }
    return chatTools;
  }

  /** By content, so that a runner can tell an unchanged side input from a mutated one. */
  @Override
  public boolean equals(Object other) {
    return other instanceof ToolTable
        && functions.equals(((ToolTable) other).functions)
        && toolsByRole.equals(((ToolTable) other).toolsByRole);
  }

  @Override
  public int hashCode() {
    return functions.hashCode() * 31 + toolsByRole.hashCode();
  }

  private static ObjectNode parse(String json) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
