package dev.gttrainset.tools;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.tools.ToolArguments;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the calls of a run say about its tools: which roles call each, how often, and the names
 * and JSON types of the arguments they pass. The accumulator from which {@link ToolTable} learns
 * the schemas transcripts do not keep.
 */
final class ToolUsage implements Serializable {
  final TreeMap<String, TreeSet<String>> toolsByRole = new TreeMap<>();
  final TreeMap<String, Long> calls = new TreeMap<>();
  /** Tool, then argument: the calls that pass it and the types they pass. */
  final TreeMap<String, TreeMap<String, Argument>> arguments = new TreeMap<>();

  static final class Argument implements Serializable {
    long calls;
    final TreeSet<String> types = new TreeSet<>();

    void merge(Argument other) {
      calls += other.calls;
      types.addAll(other.types);
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Argument && calls == ((Argument) other).calls && types.equals(((Argument) other).types);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(calls) * 31 + types.hashCode();
    }
  }

  /** By content, so that a runner can tell an unchanged accumulator from a mutated one. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof ToolUsage)) {
      return false;
    }
    ToolUsage that = (ToolUsage) other;
    return toolsByRole.equals(that.toolsByRole) && calls.equals(that.calls) && arguments.equals(that.arguments);
  }

  @Override
  public int hashCode() {
    return (toolsByRole.hashCode() * 31 + calls.hashCode()) * 31 + arguments.hashCode();
  }

  /** The calls of a sample, for its role. */
  void add(Sample sample) {
    String role = sample.role().role().id();
    for (ChatMessage m : sample.messages()) {
      for (ToolCall call : m.toolCalls()) {
        add(role, call);
      }
    }
  }

  void add(String role, ToolCall call) {
    toolsByRole.computeIfAbsent(role, r -> new TreeSet<>()).add(call.name());
    calls.merge(call.name(), 1L, Long::sum);
    TreeMap<String, Argument> seen = arguments.computeIfAbsent(call.name(), n -> new TreeMap<>());
    JsonNode input = ToolArguments.parse(call.arguments());
    for (Iterator<Map.Entry<String, JsonNode>> it = input.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      Argument argument = seen.computeIfAbsent(field.getKey(), k -> new Argument());
      argument.calls++;
      argument.types.add(typeOf(field.getValue()));
    }
  }

  ToolUsage merge(ToolUsage other) {
    other.toolsByRole.forEach((role, tools) -> toolsByRole.computeIfAbsent(role, r -> new TreeSet<>()).addAll(tools));
    other.calls.forEach((tool, n) -> calls.merge(tool, n, Long::sum));
    other.arguments.forEach(
        (tool, theirs) -> {
          TreeMap<String, Argument> ours = arguments.computeIfAbsent(tool, t -> new TreeMap<>());
          theirs.forEach((name, argument) -> ours.computeIfAbsent(name, n -> new Argument()).merge(argument));
        });
    return this;
  }

  /** JSON Schema's name for a value's type. */
  static String typeOf(JsonNode value) {
    switch (value.getNodeType()) {
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
