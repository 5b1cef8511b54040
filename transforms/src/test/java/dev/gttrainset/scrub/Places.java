package dev.gttrainset.scrub;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.parse.Json;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The four places a secret stands in a session: what the user wrote, what the assistant wrote, a
 * command the assistant ran (inside tool-call arguments, as JSON) and what the tool answered.
 */
public final class Places {
  public static final List<String> NAMES = List.of("user message", "assistant text", "bash command", "tool result");

  private Places() {}

  /** The text as it comes out of the scrubber in each place, in the order of {@link #NAMES}. */
  public static List<String> scrubbed(SampleScrubber scrubber, String text) {
    String arguments;
    try {
      arguments = Json.MAPPER.writeValueAsString(Map.of("command", text));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    ToolCall call = ToolCall.create("toolu_1", "Bash", arguments);
    Sample sample =
        Sample.builder()
            .setSessionId("s")
            .setSourceFile("s.jsonl")
            .setRole(RoleTag.create(GtRole.MAYOR, "", "", "cwd"))
            .setSampleIndex(0)
            .setFirstTimestampMillis(0)
            .setEstTokens(1)
            .setMessages(
                List.of(
                    ChatMessage.user(text, 0),
                    ChatMessage.assistant(text, List.of(), 0),
                    ChatMessage.assistant("", List.of(call), 0),
                    ChatMessage.toolReply(call, text, false, 0)))
            .build();
    List<ChatMessage> out = scrubber.scrub(sample).messages();
    try {
      String command = Json.MAPPER.readTree(out.get(2).toolCalls().get(0).arguments()).get("command").asText();
      return List.of(out.get(0).text(), out.get(1).text(), command, out.get(3).text());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
