package dev.gttrainset.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ScoreComponent;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.parse.Json;
import dev.gttrainset.tools.ToolTable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {
  private static final ToolCall LS = ToolCall.create("toolu_1", "Bash", "{\"command\":\"ls\",\"timeout\":5}");

  private static Sample sample() {
    return Sample.builder()
        .setSessionId("s1")
        .setAgentId("")
        .setSourceFile("-home-<user>-gt-mayor/s1.jsonl")
        .setRole(RoleTag.create(GtRole.POLECAT, "gastown", "toast", RoleTag.SIGNAL_MARKER))
        .setSampleIndex(2)
        .setFirstTimestampMillis(1_772_011_757_000L)
        .setMessages(
            List.of(
                ChatMessage.system("You are a polecat."),
                ChatMessage.user("list files", 0),
                ChatMessage.assistant("Listing.", List.of(LS), 0).toBuilder().setThinking("ls it").build(),
                ChatMessage.toolReply(LS, "a b", false, 0),
                ChatMessage.user("and?", 0),
                ChatMessage.assistant("Two files.", List.of(), 0)))
        .setEstTokens(60)
        .setCostMicros(271_535)
        .setRedactions(Map.of("email", 1L))
        .setQualityFlags(List.of("truncated-tool-output"))
        .setScoreComponents(
            Map.of(
                "tool_success", ScoreComponent.create(1.0, 0.25, "transcript:is_error"),
                "outcome", ScoreComponent.create(0.8, 0.4, "events:done")))
        .setOutcome(Map.of("signal", "events:done"))
        .setOutcomeNumbers(Map.of("tool_calls", BigDecimal.ONE, "metric_cost_usd", new BigDecimal("0.25")))
        .setContentSha256("abc")
        .setSplit("train")
        .build();
  }

  private static final Sample SAMPLE = sample();
  private static final ToolTable TOOLS = ToolTable.learnedFrom(List.of(SAMPLE));

  private static JsonNode render(RecordFormat format, ToolCallIds ids, CallsPerMessage calls, boolean thinking)
      throws Exception {
    Records.Lines lines = new Records(Records.Shape.of(format, thinking, ids, calls)).sample(SAMPLE, TOOLS);
    return Json.MAPPER.readTree(lines.record);
  }

  private static JsonNode render(RecordFormat format) throws Exception {
    return render(format, ToolCallIds.ORIGINAL, CallsPerMessage.ANY, false);
  }

  @Test
  void chatRecordsCarryArgumentsAsObjectsAndRepliesNameTheirTool() throws Exception {
    JsonNode record = render(RecordFormat.CHAT);

    JsonNode messages = record.get("messages");
    assertEquals("system", messages.get(0).get("role").asText());
    JsonNode call = messages.get(2).get("tool_calls").get(0);
    assertEquals("toolu_1", call.get("id").asText());
    assertEquals("function", call.get("type").asText());
    JsonNode arguments = call.get("function").get("arguments");
    assertTrue(arguments.isObject(), "templates such as Qwen2.5's encode a string twice");
    assertEquals("ls", arguments.get("command").asText());
    assertEquals(5, arguments.get("timeout").asInt());
    assertEquals("Listing.", messages.get(2).get("content").asText());
    assertEquals("tool", messages.get(3).get("role").asText());
    assertEquals("toolu_1", messages.get(3).get("tool_call_id").asText());
    assertEquals("Bash", messages.get(3).get("name").asText());
    assertEquals("polecat", record.get("metadata").get("gt_role").asText());
    assertEquals(
        "{\"metric_cost_usd\":0.25,\"signal\":\"events:done\",\"tool_calls\":1}",
        record.get("metadata").get("outcome").toString(),
        "words and numbers in one object, by name, numbers as JSON numbers");
    // (1.0 * 0.25 + 0.8 * 0.4) / (0.25 + 0.4)
    assertEquals(0.877, record.get("metadata").get("quality").get("score").asDouble(), "the sample's own score");
  }

  @Test
  void toolsComeFromTheRunsTableWithADescription() throws Exception {
    JsonNode tools = render(RecordFormat.CHAT).get("tools");
    assertEquals(1, tools.size());
    JsonNode bash = tools.get(0).get("function");
    assertEquals("Bash", bash.get("name").asText());
    assertFalse(bash.get("description").asText().isBlank(), "Hermes-style templates need a description");
    assertEquals("string", bash.get("parameters").get("properties").get("command").get("type").asText());
    assertEquals(List.of("command"), strings(bash.get("parameters").get("required")));
  }

  @Test
  void openAiRecordsHoldOnlyWhatTheUploadAcceptsAndKeepMetadataBeside() throws Exception {
    Records.Lines lines =
        new Records(Records.Shape.of(RecordFormat.OPENAI, false, ToolCallIds.ORIGINAL, CallsPerMessage.ANY))
            .sample(SAMPLE, TOOLS);
    JsonNode record = Json.MAPPER.readTree(lines.record);

    assertEquals(List.of("messages", "tools", "parallel_tool_calls"), fieldNames(record));
    assertTrue(record.get("parallel_tool_calls").asBoolean());
    JsonNode call = record.get("messages").get(2).get("tool_calls").get(0);
    assertEquals("{\"command\":\"ls\",\"timeout\":5}", call.get("function").get("arguments").asText());
    assertEquals(List.of("role", "tool_call_id", "content"), fieldNames(record.get("messages").get(3)));
    JsonNode metadata = Json.MAPPER.readTree(lines.metadata);
    assertEquals("polecat", metadata.get("gt_role").asText());
    assertEquals("abc", metadata.get("content_sha256").asText());
  }

  @Test
  void shortIdsAreNineLettersAndDigitsSharedByCallAndReply() throws Exception {
    JsonNode messages = render(RecordFormat.CHAT, ToolCallIds.SHORT, CallsPerMessage.ANY, false).get("messages");
    String id = messages.get(2).get("tool_calls").get(0).get("id").asText();
    assertTrue(id.matches("[A-Za-z0-9]{9}"), id);
    assertEquals(id, messages.get(3).get("tool_call_id").asText());
    assertEquals(id, render(RecordFormat.OPENAI, ToolCallIds.SHORT, CallsPerMessage.ANY, false)
        .get("messages").get(2).get("tool_calls").get(0).get("id").asText(), "the same call, the same id");
  }

  @Test
  void shortIdsStayUniqueWhenHashesMeet() {
    List<ChatMessage> messages = new java.util.ArrayList<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < 2000; i++) {
      ToolCall call = ToolCall.create("toolu_" + i, "Read", "{}");
      messages.add(ChatMessage.assistant("", List.of(call), 0));
      messages.add(ChatMessage.toolReply(call, "x", false, 0));
    }
    for (ChatMessage m : ToolCallIds.SHORT.apply(messages)) {
      if (m.isAssistant()) {
        assertTrue(ids.add(m.toolCalls().get(0).id()));
      }
    }
    assertEquals(2000, ids.size());
  }

  @Test
  void oneCallPerMessageGivesTextItsOwnMessageAndEachCallItsReply() {
    ToolCall read = ToolCall.create("toolu_2", "Read", "{\"file_path\":\"a\"}");
    List<ChatMessage> split =
        CallsPerMessage.ONE.apply(
            List.of(
                ChatMessage.user("look", 0),
                ChatMessage.assistant("Looking.", List.of(LS, read), 0).toBuilder().setContext(true).build(),
                ChatMessage.toolReply(LS, "a b", false, 0),
                ChatMessage.toolReply(read, "text", false, 0),
                ChatMessage.assistant("Done.", List.of(), 0)));

    assertEquals(List.of("user", "assistant", "assistant", "tool", "assistant", "tool", "assistant"), roles(split));
    assertEquals("Looking.", split.get(1).text());
    assertTrue(split.get(1).toolCalls().isEmpty());
    assertEquals(List.of(LS), split.get(2).toolCalls());
    assertEquals("toolu_1", split.get(3).toolCallId());
    assertEquals(List.of(read), split.get(4).toolCalls());
    assertEquals("toolu_2", split.get(5).toolCallId());
    assertTrue(split.get(1).context() && split.get(2).context() && split.get(4).context(), "parts keep the weight");
  }

  @Test
  void aSampleEndingOnSeveralCallsTrainsTheFirstAndTheNextSampleTheOthers() {
    ToolCall read = ToolCall.create("toolu_2", "Read", "{}");
    ToolCall grep = ToolCall.create("toolu_3", "Grep", "{}");
    ChatMessage calls = ChatMessage.assistant("Looking.", List.of(LS, read, grep), 0).toBuilder().setCallsContinued(true).build();
    List<ChatMessage> ending = CallsPerMessage.ONE.apply(List.of(ChatMessage.user("look", 0), calls));
    assertEquals(List.of("user", "assistant", "assistant"), roles(ending));
    assertEquals(List.of(LS), ending.get(2).toolCalls());
    List<ChatMessage> nobodyNext =
        CallsPerMessage.ONE.apply(List.of(ChatMessage.user("look", 0), calls.toBuilder().setCallsContinued(false).build()));
    assertEquals(List.of("user", "assistant", "assistant", "assistant", "assistant"), roles(nobodyNext),
        "with no next sample to train them, every call stays");

    List<ChatMessage> next =
        CallsPerMessage.ONE.apply(
            List.of(
                ChatMessage.user("look", 0),
                calls.toBuilder().setContext(true).setCallsContinued(true).build(),
                ChatMessage.toolReply(LS, "a b", false, 0),
                ChatMessage.toolReply(read, "text", false, 0),
                ChatMessage.toolReply(grep, "hit", false, 0),
                ChatMessage.assistant("Done.", List.of(), 0)));
    assertEquals(
        List.of("user", "assistant", "assistant", "tool", "assistant", "tool", "assistant", "tool", "assistant"),
        roles(next));
    assertTrue(next.get(1).context() && next.get(2).context(), "the text and the first call were trained before");
    assertEquals(List.of(read), next.get(4).toolCalls());
    assertFalse(next.get(4).context(), "trained here, after the first call's reply");
    assertFalse(next.get(6).context());
    assertEquals(List.of(grep), next.get(6).toolCalls());
  }

  @Test
  void withAnyCallsPerMessageAContextMessageStaysContext() {
    ChatMessage calls =
        ChatMessage.assistant("", List.of(LS), 0).toBuilder().setContext(true).setCallsContinued(true).build();
    assertEquals(List.of(calls), CallsPerMessage.ANY.apply(List.of(calls)));
  }

  @Test
  void openAiRecordsOfOneCallPerMessageSayCallsAreNotParallel() throws Exception {
    JsonNode record = render(RecordFormat.OPENAI, ToolCallIds.ORIGINAL, CallsPerMessage.ONE, false);
    assertFalse(record.get("parallel_tool_calls").asBoolean());
    assertEquals("Listing.", record.get("messages").get(2).get("content").asText());
    assertFalse(record.get("messages").get(2).has("tool_calls"), "text beside a call has its own message");
    assertEquals("Bash", record.get("messages").get(3).get("tool_calls").get(0).get("function").get("name").asText());
  }

  @Test
  void keptThinkingGoesInlineBeforeTheAnswer() throws Exception {
    JsonNode record = render(RecordFormat.CHAT, ToolCallIds.ORIGINAL, CallsPerMessage.ANY, true);
    assertEquals("<think>\nls it\n</think>\n\nListing.", record.get("messages").get(2).get("content").asText());
  }

  @Test
  void shareGptAlternatesHumanAndGptAndListsToolsForLlamaFactory() throws Exception {
    JsonNode record = render(RecordFormat.SHAREGPT);
    JsonNode turns = record.get("conversations");
    assertEquals(List.of("system", "human", "gpt", "human", "gpt"), froms(turns));
    assertEquals(
        "Listing.\n\n<tool_call>\n{\"name\":\"Bash\",\"arguments\":{\"command\":\"ls\",\"timeout\":5}}\n</tool_call>",
        turns.get(2).get("value").asText());
    assertEquals("<tool_response>\na b\n</tool_response>\n\nand?", turns.get(3).get("value").asText());
    JsonNode tools = Json.MAPPER.readTree(record.get("tools").asText());
    assertEquals("Bash", tools.get(0).get("name").asText());
    assertTrue(tools.get(0).has("description") && tools.get(0).has("parameters"));
    assertEquals("polecat", record.get("metadata").get("gt_role").asText());
  }

  @Test
  void rejectsCarryTheirReasonInEveryFormat() throws Exception {
    for (RecordFormat format : RecordFormat.values()) {
      Records records = new Records(Records.Shape.of(format, false, ToolCallIds.ORIGINAL, CallsPerMessage.ANY));
      JsonNode record = Json.MAPPER.readTree(records.reject("too-long", SAMPLE, TOOLS));
      assertEquals("too-long", record.get("metadata").get("reject_reason").asText(), format.id());
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new java.util.ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }

  private static List<String> roles(List<ChatMessage> messages) {
    List<String> roles = new java.util.ArrayList<>();
    messages.forEach(m -> roles.add(m.role()));
    return roles;
  }

  private static List<String> froms(JsonNode turns) {
    List<String> froms = new java.util.ArrayList<>();
    turns.forEach(t -> froms.add(t.get("from").asText()));
    return froms;
  }
}
