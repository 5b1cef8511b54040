package dev.gttrainset.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The published rules of the trainers that read our formats, as this test reads them, each
 * returning what breaks them (empty when the record passes):
 *
 * <ul>
 *   <li>OpenAI's fine-tuning upload (its OpenAPI spec, {@code FineTuneChatRequestInput}): a line
 *       holds {@code messages}, {@code tools} and {@code parallel_tool_calls} only; each role its
 *       own keys ({@code tool} messages: role, content, tool_call_id); {@code weight} 0 or 1 on
 *       assistant messages only; arguments are JSON strings; content is text, empty only beside tool
 *       calls or in a reply;
 *       every reply answers a call before it; the example ends on an assistant message.
 *   <li>Chat templates (TRL, Axolotl, vLLM): arguments are objects (Qwen2.5 and Llama 3.1 encode a
 *       string again); replies carry {@code tool_call_id} and the tool's {@code name}; every tool
 *       has a description (Hermes-2-Pro) and parameters; and across the run one definition per
 *       tool name ({@code datasets} refuses role files whose schemas differ).
 *   <li>Mistral's templates: call ids of 9 letters and digits, unique in their sample.
 *   <li>Llama 3.1's template: no assistant message with more than one call, no text beside one.
 * </ul>
 */
final class TrainerRules {
  private static final Pattern MISTRAL_ID = Pattern.compile("[A-Za-z0-9]{9}");
  private static final Map<String, Set<String>> OPENAI_MESSAGE_KEYS =
      Map.of(
          "system", Set.of("role", "content", "name"),
          "user", Set.of("role", "content", "name"),
          "assistant", Set.of("role", "content", "name", "tool_calls", "weight"),
          "tool", Set.of("role", "content", "tool_call_id"));
  private static final Set<String> OPENAI_KEYS = Set.of("messages", "tools", "parallel_tool_calls");

  private TrainerRules() {}

  static List<String> openAiViolations(JsonNode record) {
    List<String> violations = new ArrayList<>();
    record.fieldNames().forEachRemaining(key -> {
      if (!OPENAI_KEYS.contains(key)) {
        violations.add("a key the upload refuses: " + key);
      }
    });
    if (record.has("tools") != record.path("parallel_tool_calls").isBoolean()) {
      violations.add("tools without parallel_tool_calls as a boolean, or the other way round");
    }
    JsonNode messages = record.path("messages");
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      Set<String> allowed = OPENAI_MESSAGE_KEYS.get(role(m));
      if (allowed == null) {
        violations.add(i + ": no such role " + role(m));
        continue;
      }
      for (var keys = m.fieldNames(); keys.hasNext(); ) {
        String key = keys.next();
        if (!allowed.contains(key)) {
          violations.add(i + ": " + role(m) + " messages have no " + key);
        }
      }
      if (m.has("weight") && !(m.get("weight").isInt() && (m.get("weight").asInt() == 0 || m.get("weight").asInt() == 1))) {
        violations.add(i + ": weight is not 0 or 1");
      }
      for (JsonNode call : m.path("tool_calls")) {
        if (!call.at("/function/arguments").isTextual() || !parse(call.at("/function/arguments").asText()).isObject()) {
          violations.add(i + ": arguments are not a JSON string of an object");
        }
      }
    }
    violations.addAll(shapeViolations(record));
    return violations;
  }

  static List<String> chatViolations(JsonNode record) {
    List<String> violations = new ArrayList<>();
    if (!record.path("metadata").isObject()) {
      violations.add("no metadata");
    }
    JsonNode messages = record.path("messages");
    Map<String, String> calledNames = new HashMap<>();
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      for (JsonNode call : m.path("tool_calls")) {
        calledNames.put(call.path("id").asText(), call.at("/function/name").asText());
        if (!call.at("/function/arguments").isObject()) {
          violations.add(i + ": arguments are not an object");
        }
      }
      if (role(m).equals("tool") && !m.path("name").asText().equals(calledNames.get(m.path("tool_call_id").asText()))) {
        violations.add(i + ": a reply without the name of the tool it answers");
      }
    }
    violations.addAll(shapeViolations(record));
    return violations;
  }

  /**
   * What both chat shapes share: every message has text content (empty only beside calls, or as
   * the reply of a command that printed nothing); a call
   * has an id, type function, a name the tools list; each reply answers a call of the assistant
   * message before it, all before the next message (a sample's last message may leave its calls
   * to the next window); it ends on an assistant message; every tool has a description and
   * object parameters.
   */
  private static List<String> shapeViolations(JsonNode record) {
    List<String> violations = new ArrayList<>();
    Set<String> tools = new HashSet<>();
    for (JsonNode tool : record.path("tools")) {
      JsonNode function = tool.path("function");
      tools.add(function.path("name").asText());
      if (!tool.path("type").asText().equals("function") || function.path("description").asText().isBlank()
          || !function.path("parameters").path("type").asText().equals("object")) {
        violations.add("tool " + function.path("name").asText() + " lacks type, description or parameters");
      }
    }
    JsonNode messages = record.path("messages");
    if (messages.size() == 0) {
      violations.add("no messages");
      return violations;
    }
    // A sample may end on calls whose replies open the next one: one message of them, or with one
    // call per message several in a row.
    int endingCalls = messages.size();
    while (endingCalls > 0 && role(messages.get(endingCalls - 1)).equals("assistant")
        && messages.get(endingCalls - 1).path("tool_calls").size() > 0
        && (endingCalls == messages.size() || messages.get(endingCalls - 1).path("content").asText().isEmpty())) {
      endingCalls--;
    }
    Deque<String> awaited = new ArrayDeque<>();
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      boolean calls = m.path("tool_calls").size() > 0;
      // A command that printed nothing has an empty reply; OpenAI's spec sets no minimum length.
      boolean mayBeEmpty = calls || role(m).equals("tool");
      if (!m.path("content").isTextual() || (m.path("content").asText().isEmpty() && !mayBeEmpty)) {
        violations.add(i + ": " + role(m) + " without content");
      }
      if (role(m).equals("tool")) {
        if (!m.path("tool_call_id").asText().equals(awaited.pollFirst())) {
          violations.add(i + ": a reply that answers no call awaiting one");
        }
        continue;
      }
      if (!awaited.isEmpty() && i < endingCalls + 1) {
        violations.add(i + ": calls " + awaited + " left without replies");
        awaited.clear();
      }
      for (JsonNode call : m.path("tool_calls")) {
        awaited.add(call.path("id").asText());
        if (call.path("id").asText().isEmpty() || !call.path("type").asText().equals("function")) {
          violations.add(i + ": a call without id or type function");
        }
        if (!tools.contains(call.at("/function/name").asText())) {
          violations.add(i + ": a call of " + call.at("/function/name").asText() + ", which tools does not list");
        }
      }
    }
    if (!role(messages.get(messages.size() - 1)).equals("assistant")) {
      violations.add("does not end on an assistant message");
    }
    return violations;
  }

  /** Tool names with more than one definition across these records (all files of a run). */
  static Map<String, Integer> toolsDefinedTwice(List<JsonNode> records) {
    Map<String, Set<JsonNode>> definitions = new TreeMap<>();
    for (JsonNode record : records) {
      for (JsonNode tool : record.path("tools")) {
        definitions.computeIfAbsent(tool.at("/function/name").asText(), n -> new HashSet<>()).add(tool);
      }
    }
    Map<String, Integer> twice = new TreeMap<>();
    definitions.forEach((name, set) -> {
      if (set.size() > 1) {
        twice.put(name, set.size());
      }
    });
    return twice;
  }

  static List<String> mistralIdViolations(JsonNode record) {
    List<String> violations = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    for (JsonNode m : record.path("messages")) {
      for (JsonNode call : m.path("tool_calls")) {
        String id = call.path("id").asText();
        if (!MISTRAL_ID.matcher(id).matches()) {
          violations.add("id " + id + " is not 9 letters and digits");
        }
        if (!ids.add(id)) {
          violations.add("id " + id + " twice in the sample");
        }
      }
      if (m.has("tool_call_id") && !MISTRAL_ID.matcher(m.path("tool_call_id").asText()).matches()) {
        violations.add("reply id " + m.path("tool_call_id").asText() + " is not 9 letters and digits");
      }
    }
    return violations;
  }

  static List<String> llama31Violations(JsonNode record) {
    List<String> violations = new ArrayList<>();
    JsonNode messages = record.path("messages");
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      if (m.path("tool_calls").size() > 1) {
        violations.add(i + ": " + m.path("tool_calls").size() + " calls in one message");
      }
      if (m.path("tool_calls").size() > 0 && !m.path("content").asText().isEmpty()) {
        violations.add(i + ": text beside a call, which the template drops");
      }
    }
    return violations;
  }

  /**
   * What a sample says, whatever its shape: in order, the text of each message (assistant text
   * with its weight) and each call (name and arguments as an object); then the replies, by the
   * tool they answer, sorted. Two renderings of one sample say the same when no text, call or
   * reply was lost or changed, however the calls were spread over messages. With {@code
   * oneCallEnd}, a last message's calls after the first are left out: one call per message, the
   * next sample trains them after their replies.
   */
  static List<String> content(JsonNode record, boolean oneCallEnd) {
    List<String> said = new ArrayList<>();
    List<String> replies = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    JsonNode messages = record.path("messages");
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      String role = role(m);
      if (role.equals("tool")) {
        replies.add("reply " + names.get(m.path("tool_call_id").asText()) + ": " + m.path("content").asText());
        continue;
      }
      if (!m.path("content").asText().isEmpty()) {
        String weight = role.equals("assistant") ? "/" + m.path("weight").asInt(1) : "";
        said.add(role + weight + ": " + m.path("content").asText());
      }
      JsonNode calls = m.path("tool_calls");
      boolean lastTrained = oneCallEnd && i == messages.size() - 1 && m.path("weight").asInt(1) == 1;
      for (int c = 0; c < (lastTrained ? Math.min(1, calls.size()) : calls.size()); c++) {
        JsonNode call = calls.get(c);
        names.put(call.path("id").asText(), call.at("/function/name").asText());
        said.add("call " + call.at("/function/name").asText() + " " + Json.compact(arguments(call)));
      }
    }
    replies.sort(null);
    said.addAll(replies);
    return said;
  }

  /** The ids of the calls these records train (weight 1), as often as they are trained. */
  static List<String> trainedCalls(List<JsonNode> records) {
    List<String> ids = new ArrayList<>();
    for (JsonNode record : records) {
      for (JsonNode m : record.path("messages")) {
        if (m.path("weight").asInt(1) == 1) {
          m.path("tool_calls").forEach(call -> ids.add(call.path("id").asText()));
        }
      }
    }
    return ids;
  }

  /**
   * Every rule broken by a run's outputs, as "file:line: what": the default {@code chat} run against
   * the chat rules, and a run of the same input with {@code --format=openai --toolCallIds=short
   * --toolCallsPerMessage=one} against OpenAI's, Mistral's and Llama 3.1's, line for line with the
   * chat run: the same text, calls and replies, each call trained once in both, and its metadata
   * file the chat run's metadata.
   */
  static List<String> runViolations(JobRun chat, JobRun strict) {
    List<String> violations = new ArrayList<>();
    List<JsonNode> chatRecords = new ArrayList<>();
    List<JsonNode> strictRecords = new ArrayList<>();
    for (String file : datasetFiles(chat)) {
      List<JsonNode> records = chat.records(file);
      List<JsonNode> openAi = strict.records(file);
      List<JsonNode> metadata = strict.records(file.replace(".jsonl", ".meta.jsonl"));
      chatRecords.addAll(records);
      strictRecords.addAll(openAi);
      if (openAi.size() != records.size() || metadata.size() != records.size()) {
        violations.add(file + ": " + records.size() + " chat lines, " + openAi.size() + " openai lines, "
            + metadata.size() + " metadata lines");
        continue;
      }
      for (int i = 0; i < records.size(); i++) {
        String at = file + ":" + (i + 1) + ": ";
        chatViolations(records.get(i)).forEach(v -> violations.add(at + "chat: " + v));
        openAiViolations(openAi.get(i)).forEach(v -> violations.add(at + "openai: " + v));
        mistralIdViolations(openAi.get(i)).forEach(v -> violations.add(at + "short ids: " + v));
        llama31Violations(openAi.get(i)).forEach(v -> violations.add(at + "one call: " + v));
        List<String> said = content(openAi.get(i), false);
        if (!content(records.get(i), true).equals(said) && !content(records.get(i), false).equals(said)) {
          violations.add(at + "the openai line does not say what the chat line says");
        }
        if (!records.get(i).path("metadata").equals(metadata.get(i))) {
          violations.add(at + "the metadata line is not the chat line's metadata");
        }
      }
    }
    if (!datasetFiles(strict).equals(datasetFiles(chat))) {
      violations.add("the runs wrote different files: " + datasetFiles(chat) + " and " + datasetFiles(strict));
    }
    List<String> trainedChat = trainedCalls(chatRecords);
    List<String> trainedOne = trainedCalls(strictRecords);
    if (trainedOne.size() != trainedChat.size() || new HashSet<>(trainedOne).size() != trainedOne.size()) {
      violations.add("chat trains " + trainedChat.size() + " calls, one call per message " + trainedOne.size()
          + " (" + new HashSet<>(trainedOne).size() + " different): every call must be trained once");
    }
    toolsDefinedTwice(chatRecords).forEach((tool, n) -> violations.add("chat: " + tool + " has " + n + " definitions"));
    toolsDefinedTwice(strictRecords).forEach((tool, n) -> violations.add("openai: " + tool + " has " + n + " definitions"));
    return violations;
  }

  /** The role files of a run, {@code <role>_<split>.jsonl}. */
  static List<String> datasetFiles(JobRun run) {
    List<String> files = new ArrayList<>();
    for (String name : run.files().keySet()) {
      if (name.endsWith("_train.jsonl") || name.endsWith("_val.jsonl")) {
        files.add(name);
      }
    }
    files.sort(null);
    return files;
  }

  /**
   * How much of what the rules are about a run has, so a test can tell a pass from an empty one:
   * samples, calls, assistant messages with several calls, and with text beside a call.
   */
  static Map<String, Long> figures(JobRun chat) {
    Map<String, Long> figures = new TreeMap<>(Map.of("samples", 0L, "calls", 0L, "several_calls", 0L, "text_beside_calls", 0L));
    for (String file : datasetFiles(chat)) {
      for (JsonNode record : chat.records(file)) {
        figures.merge("samples", 1L, Long::sum);
        for (JsonNode m : record.path("messages")) {
          int calls = m.path("tool_calls").size();
          figures.merge("calls", (long) calls, Long::sum);
          figures.merge("several_calls", calls > 1 ? 1L : 0L, Long::sum);
          figures.merge("text_beside_calls", calls > 0 && !m.path("content").asText().isEmpty() ? 1L : 0L, Long::sum);
        }
      }
    }
    return figures;
  }

  /** A call's arguments as an object, from either shape. */
  static JsonNode arguments(JsonNode call) {
    JsonNode arguments = call.at("/function/arguments");
    return arguments.isTextual() ? parse(arguments.asText()) : arguments;
  }

  private static JsonNode parse(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String role(JsonNode message) {
    return message.path("role").asText();
  }
}
