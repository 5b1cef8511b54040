package dev.gttrainset.sample;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.parse.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The lines an {@code Edit} or {@code MultiEdit} call changes ({@code old_string}), and where a
 * sample shows them: in earlier tool output, or written by an earlier edit of the model's own. A
 * model must see the code it edits, so a sample that trains an edit keeps what showed its lines.
 * A {@code Write} replaces a whole file: what it keeps of what was read is worth keeping too.
 */
final class EditTargets {
  /** {@code Read} numbers its lines, {@code "    12→text"} (a tab in older versions). */
  private static final Pattern LINE_NUMBER = Pattern.compile("(?m)^ *\\d+(?:\u2192|\t)");

  private static final Set<String> WRITES = Set.of("Edit", "MultiEdit", "Write");
  /** A line this long is unlikely to stand in a file by chance; `}` is everywhere. */
  private static final int DISTINCT_LINE = 8;

  private EditTargets() {}

  /** The old strings of the message's edit calls, each with the file it is in. */
  static List<String[]> of(ChatMessage message) {
    List<String[]> targets = new ArrayList<>();
    for (ToolCall call : message.toolCalls()) {
      if (!call.name().equals("Edit") && !call.name().equals("MultiEdit")) {
        continue;
      }
      JsonNode arguments = arguments(call);
      if (arguments == null) {
        continue;
      }
      String file = Json.text(arguments, "file_path");
      add(targets, file, Json.text(arguments, "old_string"));
      for (JsonNode edit : arguments.path("edits")) {
        add(targets, file, Json.text(edit, "old_string"));
      }
    }
    return targets;
  }

  private static void add(List<String[]> targets, String file, String oldString) {
    if (!oldString.isBlank()) {
      targets.add(new String[] {file, oldString.strip()});
    }
  }

  /** What the message's {@code Write} calls put in files: a rewrite keeps lines it read. */
  static List<String> writes(ChatMessage message) {
    List<String> contents = new ArrayList<>();
    for (ToolCall call : message.toolCalls()) {
      JsonNode arguments = call.name().equals("Write") ? arguments(call) : null;
      if (arguments != null && !Json.text(arguments, "content").isBlank()) {
        contents.add(Json.text(arguments, "content"));
      }
    }
    return contents;
  }

  /** The lines a target changes, stripped, blank ones aside: what a sample must show. */
  static List<String> linesOf(String oldString) {
    List<String> lines = new ArrayList<>();
    for (String line : oldString.split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  /** The stripped lines a tool output shows, line numbers aside. */
  static Set<String> shownBy(String output) {
    Set<String> lines = new HashSet<>();
    for (String line : withoutLineNumbers(output).split("\n")) {
      if (!line.isBlank()) {
        lines.add(line.strip());
      }
    }
    return lines;
  }

  /** The stripped lines the message's calls write into files: what the model has seen since. */
  static Set<String> writtenBy(ChatMessage message) {
    Set<String> lines = new HashSet<>();
    for (ToolCall call : message.toolCalls()) {
      if (!WRITES.contains(call.name())) {
        continue;
      }
      JsonNode arguments = arguments(call);
      if (arguments == null) {
        continue;
      }
      lines.addAll(shownBy(Json.text(arguments, "new_string") + "\n" + Json.text(arguments, "content")));
      for (JsonNode edit : arguments.path("edits")) {
        lines.addAll(shownBy(Json.text(edit, "new_string")));
      }
    }
    return lines;
  }

  /**
   * The line ranges ({@code [first, end)}) of an output, its line numbers taken off ({@link
   * #withoutLineNumbers}), that show the old string: where it stands whole, else each line of it
   * that is long enough to tell apart.
   */
  static List<int[]> lines(String plain, String oldString) {
    int at = plain.indexOf(oldString);
    if (at >= 0) {
      int first = count(plain, '\n', 0, at);
      return List.of(new int[] {first, first + count(oldString, '\n', 0, oldString.length()) + 1});
    }
    Set<String> wanted = new HashSet<>();
    for (String line : linesOf(oldString)) {
      if (line.length() >= DISTINCT_LINE) {
        wanted.add(line);
      }
    }
    List<int[]> ranges = new ArrayList<>();
    String[] lines = plain.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (wanted.contains(lines[i].strip())) {
        ranges.add(new int[] {i, i + 1});
      }
    }
    return ranges;
  }

  private static JsonNode arguments(ToolCall call) {
    try {
      return Json.parse(call.arguments());
    } catch (Json.JsonLineException e) {
      return null;
    }
  }

  /** The output without {@code Read}'s line numbers; its lines stay where they were. */
  static String withoutLineNumbers(String output) {
    return LINE_NUMBER.matcher(output).replaceAll("");
  }

  private static int count(String text, char c, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }
}
