package dev.gttrainset.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A chat or OpenAI-format sample read as a trainer reads it, with rules of this test's own: the turn order
 * chat templates accept, and whether each edit's lines were shown before it.
 */
final class TrainerReading {
  private static final Pattern LINE_NUMBER = Pattern.compile("(?m)^ *\\d+(?:\u2192|\t)");

  private TrainerReading() {}

  /**
   * What breaks the order: not system then user; two turns of one speaker in a row; a user message
   * right after a tool reply; a reply not right after its call; a call without its reply, except
   * as the sample's last message; an end that is not a trained assistant message with content.
   */
  static List<String> turnOrderViolations(JsonNode record) {
    List<String> violations = new ArrayList<>();
    JsonNode messages = record.get("messages");
    if (messages.size() < 3 || !role(messages.get(0)).equals("system") || !role(messages.get(1)).equals("user")) {
      violations.add("does not open with system and user");
    }
    Deque<String> awaited = new ArrayDeque<>();
    for (int i = 1; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      String role = role(m);
      String before = role(messages.get(i - 1));
      if (role.equals("tool")) {
        if (!m.path("tool_call_id").asText().equals(awaited.pollFirst())) {
          violations.add(i + ": a reply not right after its call");
        }
        continue;
      }
      if (!awaited.isEmpty()) {
        violations.add(i + ": " + role + " before the replies to " + awaited);
        awaited.clear();
      }
      if (role.equals(before)) {
        violations.add(i + ": two " + role + " messages in a row");
      }
      if (role.equals("user") && before.equals("tool")) {
        violations.add(i + ": a user message right after a tool reply");
      }
      for (JsonNode call : m.path("tool_calls")) {
        awaited.add(call.get("id").asText());
      }
    }
    JsonNode last = messages.get(messages.size() - 1);
    boolean content = !last.path("content").asText().isEmpty() || last.path("tool_calls").size() > 0;
    if (!role(last).equals("assistant") || last.path("weight").asInt(1) == 0 || !content) {
      violations.add("does not end on a trained assistant message with content");
    }
    return violations;
  }

  /** The edits of the sample whose old lines no earlier message of it shows, as "file: line". */
  static List<String> editsWithoutTheirLines(JsonNode record) throws IOException {
    List<String> missing = new ArrayList<>();
    Set<String> shown = new HashSet<>();
    for (JsonNode m : record.get("messages")) {
      if (role(m).equals("tool")) {
        shown.addAll(lines(LINE_NUMBER.matcher(m.path("content").asText()).replaceAll("")));
      }
      for (JsonNode call : m.path("tool_calls")) {
        String name = call.at("/function/name").asText();
        JsonNode arguments = TrainerRules.arguments(call);
        if (name.equals("Edit") || name.equals("MultiEdit")) {
          List<JsonNode> edits = new ArrayList<>();
          edits.add(arguments);
          arguments.path("edits").forEach(edits::add);
          for (JsonNode edit : edits) {
            for (String line : lines(edit.path("old_string").asText())) {
              if (!shown.contains(line)) {
                missing.add(arguments.path("file_path").asText() + ": " + line);
              }
            }
          }
        }
        // What the model wrote into a file, it has seen since.
        for (JsonNode edit : arguments.path("edits")) {
          shown.addAll(lines(edit.path("new_string").asText()));
        }
        shown.addAll(lines(arguments.path("new_string").asText()));
        shown.addAll(lines(arguments.path("content").asText()));
      }
    }
    return missing;
  }

  /** How many {@code Edit} and {@code MultiEdit} calls the sample makes. */
  static long edits(JsonNode record) {
    long edits = 0;
    for (JsonNode m : record.get("messages")) {
      for (JsonNode call : m.path("tool_calls")) {
        String name = call.at("/function/name").asText();
        edits += name.equals("Edit") || name.equals("MultiEdit") ? 1 : 0;
      }
    }
    return edits;
  }

  /** Assistant text a sample trains (OpenAI's weight 1, the default), in characters. */
  static long trainedAssistantChars(JsonNode record) {
    long chars = 0;
    for (JsonNode m : record.get("messages")) {
      if (role(m).equals("assistant") && m.path("weight").asInt(1) == 1) {
        chars += m.path("content").asText().length();
      }
    }
    return chars;
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  private static String role(JsonNode message) {
    return message.path("role").asText();
  }
}
