package dev.gttrainset.sample;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import java.util.ArrayList;
import java.util.List;

/** Small conversations for sample tests: {@code user("go"), call("t1", "ls"), reply("t1", "x")}. */
final class Messages {
  static final RoleTag MAYOR = RoleTag.create(GtRole.MAYOR, "", "", RoleTag.SIGNAL_CWD);

  private Messages() {}

  static ChatMessage user(String text) {
    return ChatMessage.user(text, 0L);
  }

  static ChatMessage answer(String text) {
    return ChatMessage.assistant(text, List.of(), 0L);
  }

  static ChatMessage call(String id, String command) {
    return ChatMessage.assistant("", List.of(ToolCall.create(id, "Bash", "{\"command\":\"" + command + "\"}")), 0L);
  }

  static ChatMessage reply(String id, String output) {
    return ChatMessage.toolReply(ToolCall.create(id, "Bash", "{}"), output, false, 0L);
  }

  static Conversation conversation(ChatMessage... messages) {
    return Conversation.builder()
        .setSessionId("s1")
        .setSourceFile("p/s1.jsonl")
        .setMessages(List.of(messages))
        .build();
  }

  static Sample sample(ChatMessage... messages) {
    List<ChatMessage> all = new ArrayList<>();
    all.add(ChatMessage.system(GtRole.MAYOR.systemPrompt()));
    all.addAll(List.of(messages));
    return Sample.builder()
        .setSessionId("s1")
        .setSourceFile("p/s1.jsonl")
        .setRole(MAYOR)
        .setSampleIndex(0)
        .setFirstTimestampMillis(0)
        .setMessages(all)
        .setEstTokens(TokenEstimate.of(all))
        .build();
  }
}
