package dev.gttrainset.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.parse.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolTableTest {
  private static Sample calls(GtRole role, ToolCall... calls) {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(ChatMessage.user("go", 0));
    for (ToolCall call : calls) {
      messages.add(ChatMessage.assistant("", List.of(call), 0));
      messages.add(ChatMessage.toolReply(call, "ok", false, 0));
    }
    messages.add(ChatMessage.assistant("Done.", List.of(), 0));
    return Sample.builder()
        .setSessionId(role.id())
        .setSourceFile(role.id() + ".jsonl")
        .setRole(RoleTag.create(role, "gastown", "", "cwd"))
        .setSampleIndex(0)
        .setFirstTimestampMillis(0)
        .setEstTokens(1)
        .setMessages(messages)
        .build();
  }

  private static ToolCall call(String name, String arguments) {
    return ToolCall.create("toolu_" + name + arguments.hashCode(), name, arguments);
  }

  private static final ToolTable TABLE =
      ToolTable.learnedFrom(
          List.of(
              calls(GtRole.MAYOR, call("Bash", "{\"command\":\"ls\"}"), call("Read", "{\"file_path\":\"/a\"}")),
              calls(GtRole.DEACON, call("Read", "{\"file_path\":\"/b\",\"limit\":20}")),
              calls(
                  GtRole.DEACON,
                  call("mcp__github__get_issue", "{\"owner\":\"o\",\"number\":7}"),
                  call("mcp__github__get_issue", "{\"owner\":\"o\",\"number\":8.5,\"repo\":null}"),
                  call("Bash", "{\"command\":\"ls\",\"brandNewFlag\":true}"))));

  @Test
  void eachRoleListsTheToolsItsAgentsCall() {
    assertEquals(List.of("Bash", "Read"), TABLE.toolsOf("mayor"));
    assertEquals(List.of("Bash", "Read", "mcp__github__get_issue"), TABLE.toolsOf("deacon"));
    assertEquals(List.of(), TABLE.toolsOf("witness"));
  }

  @Test
  void aToolHasOneDefinitionAcrossRoles() {
    JsonNode mayorRead = TABLE.chatTools("mayor").get(1);
    JsonNode deaconRead = TABLE.chatTools("deacon").get(1);
    assertEquals(mayorRead, deaconRead);
    assertEquals("function", mayorRead.get("type").asText());
  }

  @Test
  void builtInToolsKeepTheirWrittenDefinitionAndLearnWhatItLacks() {
    ObjectNode bash = TABLE.functions().get("Bash");
    assertTrue(BuiltInTools.isBuiltIn("Bash"));
    assertTrue(bash.get("description").asText().length() > 40, bash.toString());
    JsonNode properties = bash.get("parameters").get("properties");
    assertFalse(properties.get("command").get("description").asText().isBlank());
    assertTrue(properties.has("timeout"), "documented, though no call here passes it");
    assertEquals("boolean", properties.get("brandNewFlag").get("type").asText());
    assertEquals("command", bash.get("parameters").get("required").get(0).asText());
  }

  @Test
  void otherToolsGetSchemasLearnedFromAllTheirCallsAndADescription() {
    ObjectNode issue = TABLE.functions().get("mcp__github__get_issue");
    assertTrue(issue.get("description").asText().contains("get issue tool of the github MCP server"), issue.toString());
    JsonNode parameters = issue.get("parameters");
    assertEquals("object", parameters.get("type").asText());
    assertEquals("string", parameters.get("properties").get("owner").get("type").asText());
    assertEquals("number", parameters.get("properties").get("number").get("type").asText(), "7 and 8.5");
    assertFalse(parameters.get("properties").get("repo").has("type"), "only ever null: no type to learn");
    List<String> required = new ArrayList<>();
    parameters.get("required").forEach(r -> required.add(r.asText()));
    assertEquals(List.of("number", "owner"), required, "what every call passes");
  }

  @Test
  void llamaFactoryReadsTheSameToolsAsAJsonString() throws Exception {
    JsonNode tools = Json.MAPPER.readTree(TABLE.plainTools("mayor"));
    assertEquals(TABLE.functions().get("Bash"), tools.get(0));
    assertEquals(2, tools.size());
  }

  @Test
  void everyBuiltInDefinitionDescribesItselfAndEachParameter() {
    assertTrue(ToolTable.learnedFrom(List.of()).functions().isEmpty(), "an empty run has no tools");
    for (String name : BuiltInTools.names()) {
      ObjectNode definition = BuiltInTools.definition(name);
      assertEquals(name, definition.get("name").asText());
      assertFalse(definition.path("description").asText().isBlank(), name);
      assertEquals("object", definition.path("parameters").path("type").asText(), name);
      definition.path("parameters").path("properties").fields().forEachRemaining(
          p -> {
            assertTrue(p.getValue().has("type"), name + "." + p.getKey());
            assertFalse(p.getValue().path("description").asText().isBlank(), name + "." + p.getKey());
          });
    }
  }
}
