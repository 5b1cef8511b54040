package dev.gttrainset.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ScoreComponent;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.parse.Json;
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
        .setOutcome(Map.of("signal", "events:done", "tool_calls", "1", "metric_cost_usd", "0.25"))
        .setContentSha256("abc")
        .setSplit("train")
        .build();
  }

  @Test
  void openAiRecordsPairEveryCallWithItsReply() throws Exception {
    JsonNode record = Json.MAPPER.readTree(new Records(RecordFormat.OPENAI, false).sample(sample()));

    JsonNode messages = record.get("messages");
    assertEquals("system", messages.get(0).get("role").asText());
    JsonNode call = messages.get(2).get("tool_calls").get(0);
    assertEquals("toolu_1", call.get("id").asText());
    assertEquals("function", call.get("type").asText());
    assertTrue(call.get("function").get("arguments").isTextual(), "arguments travel as a JSON string");
    assertEquals("{\"command\":\"ls\",\"timeout\":5}", call.get("function").get("arguments").asText());
    assertEquals("Listing.", messages.get(2).get("content").asText());
    assertEquals("tool", messages.get(3).get("role").asText());
    assertEquals("toolu_1", messages.get(3).get("tool_call_id").asText());
    JsonNode bash = record.get("tools").get(0).get("function");
    assertEquals("Bash", bash.get("name").asText());
    assertEquals("string", bash.get("parameters").get("properties").get("command").get("type").asText());
    assertEquals("integer", bash.get("parameters").get("properties").get("timeout").get("type").asText());
  }

  @Test
  void metadataCarriesTheContractFields() throws Exception {
    JsonNode metadata = Json.MAPPER.readTree(new Records(RecordFormat.OPENAI, false).sample(sample())).get("metadata");
    assertEquals("polecat", metadata.get("gt_role").asText());
    assertEquals("gastown", metadata.get("rig").asText());
    assertEquals("s1", metadata.get("session_id").asText());
    assertEquals("train", metadata.get("split").asText());
    assertEquals("abc", metadata.get("content_sha256").asText());
    assertEquals("marker", metadata.get("role_signal").asText());
    assertEquals("0.271535", metadata.get("cost_usd").asText());
    assertEquals(1, metadata.get("redactions").get("email").asInt());
    // (0.25 * 1.0 + 0.4 * 0.8) / 0.65, each component with its weight and signal beside it.
    assertEquals(0.877, metadata.get("quality").get("score").asDouble());
    assertEquals("events:done", metadata.get("quality").get("components").get("outcome").get("signal").asText());
    assertEquals(0.25, metadata.get("quality").get("components").get("tool_success").get("weight").asDouble());
    assertEquals("events:done", metadata.get("outcome").get("signal").asText());
    assertTrue(metadata.get("outcome").get("tool_calls").isIntegralNumber(), "counts are numbers");
    assertEquals("0.25", metadata.get("outcome").get("metric_cost_usd").toString());
    assertEquals(0, metadata.get("repeat_index").asInt());
    assertEquals("2026-02-25T09:29:17Z", metadata.get("first_timestamp").asText());
  }

  @Test
  void keptThinkingGoesInlineBeforeTheAnswer() throws Exception {
    JsonNode record = Json.MAPPER.readTree(new Records(RecordFormat.OPENAI, true).sample(sample()));
    assertEquals("<think>\nls it\n</think>\n\nListing.", record.get("messages").get(2).get("content").asText());
  }

  @Test
  void shareGptAlternatesHumanAndGpt() throws Exception {
    JsonNode record = Json.MAPPER.readTree(new Records(RecordFormat.SHAREGPT, false).sample(sample()));
    JsonNode turns = record.get("conversations");
    assertEquals(List.of("system", "human", "gpt", "human", "gpt"), froms(turns));
    assertEquals(
        "Listing.\n\n<tool_call>\n{\"name\":\"Bash\",\"arguments\":{\"command\":\"ls\",\"timeout\":5}}\n</tool_call>",
        turns.get(2).get("value").asText());
    assertEquals("<tool_response>\na b\n</tool_response>\n\nand?", turns.get(3).get("value").asText());
    assertEquals("polecat", record.get("metadata").get("gt_role").asText());
  }

  @Test
  void rejectsCarryTheirReason() throws Exception {
    JsonNode record = Json.MAPPER.readTree(new Records(RecordFormat.OPENAI, false).reject("too-long", sample()));
    assertEquals("too-long", record.get("metadata").get("reject_reason").asText());
  }

  private static List<String> froms(JsonNode turns) {
    List<String> froms = new java.util.ArrayList<>();
    turns.forEach(t -> froms.add(t.get("from").asText()));
    return froms;
  }
}
