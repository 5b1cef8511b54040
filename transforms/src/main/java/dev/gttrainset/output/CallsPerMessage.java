package dev.gttrainset.output;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How many tool calls an assistant message may hold: any, or one for Llama 3.x templates. */
public enum CallsPerMessage {
  /** As the assistant made them: several calls in one message, then their replies. */
  ANY,
  /**
   * One call per message, each followed by its reply, and the text beside calls in a message of
   * its own first: Llama 3.1's template refuses several calls and drops text beside a call. A
   * sample that ends on several calls trains the first; the next, which opens with their replies,
   * trains the others, each after the replies before it, as a one-call model makes them. When no
   * next sample shows their replies, the sample ends on all its calls, one per message.
   */
  ONE;

  public static CallsPerMessage parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--toolCallsPerMessage must be any or one, not \"" + name + "\"", e);
    }
  }

  List<ChatMessage> apply(List<ChatMessage> messages) {
    if (this == ANY) {
      return messages;
    }
    List<ChatMessage> split = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      ChatMessage m = messages.get(i);
      boolean hasText = !m.text().isEmpty() || !m.thinking().isEmpty();
      if (m.toolCalls().isEmpty() || (m.toolCalls().size() == 1 && !hasText)) {
        split.add(m);
        continue;
      }
      // The replies that follow, by the call they answer.
      Map<String, ChatMessage> replies = new LinkedHashMap<>();
      while (i + 1 < messages.size() && messages.get(i + 1).isTool()) {
        ChatMessage reply = messages.get(++i);
        replies.put(reply.toolCallId(), reply);
      }
      if (hasText) {
        split.add(m.toBuilder().setToolCalls(List.of()).build());
      }
      boolean last = i == messages.size() - 1;
      List<ToolCall> calls = m.toolCalls();
      for (int c = 0; c < calls.size(); c++) {
        ToolCall call = calls.get(c);
        ChatMessage reply = replies.remove(call.id());
        if (reply == null && last && m.trained() && m.callsContinued() && c > 0) {
          // The sample ends on these calls and the next opens with their replies: one call waits
          // for its reply, so this one trains the first and the next sample the others.
          break;
        }
        boolean trainedHere = m.callsContinued() && c > 0;
        split.add(
            m.toBuilder()
                .setText("")
                .setThinking("")
                .setToolCalls(List.of(call))
                .setContext(m.context() && !trainedHere)
                .build());
        if (reply != null) {
          split.add(reply);
        }
      }
      split.addAll(replies.values());
    }
    return split;
  }
}
