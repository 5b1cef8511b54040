package dev.gttrainset.sample;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Puts a conversation's messages in the order every chat template accepts: user and assistant
 * alternate, and tool replies sit right after their call. Claude's API sends what the user typed
 * while tools ran in the same user turn as the tool results, so such text joins the last reply;
 * two user messages in a row are one turn, as are two assistant messages in a row (a reply in
 * pieces). Failed API calls are the harness's messages, not the model's: they are left out.
 */
final class TurnOrder {
  private TurnOrder() {}

  static List<ChatMessage> normalize(List<ChatMessage> messages, Counters counters) {
    List<ChatMessage> out = new ArrayList<>(messages.size());
    Set<String> leftOutCalls = new HashSet<>();
    for (ChatMessage m : messages) {
      if (m.isAssistant() && m.apiError()) {
        counters.increment(StatKeys.notTrained("api-error"));
        m.toolCalls().stream().map(ToolCall::id).forEach(leftOutCalls::add);
        continue;
      }
      if (m.isTool() && leftOutCalls.contains(m.toolCallId())) {
        continue;
      }
      ChatMessage last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (m.isUser() && last != null && (last.isUser() || last.isTool())) {
        out.set(out.size() - 1, withUserText(last, m));
        counters.increment(StatKeys.USER_TEXT_JOINED);
      } else if (m.isAssistant() && last != null && last.isAssistant()) {
        out.set(out.size() - 1, joined(last, m));
        counters.increment(StatKeys.ASSISTANT_MESSAGES_JOINED);
      } else {
        out.add(m);
      }
    }
    return out;
  }

  private static ChatMessage withUserText(ChatMessage target, ChatMessage user) {
    return target.toBuilder()
        .setText(join(target.text(), user.text()))
        .setInterrupted(target.interrupted() || user.interrupted())
        .build();
  }

  /** The first asked for no tool (a call would have its replies after it): the second goes on. */
  private static ChatMessage joined(ChatMessage first, ChatMessage second) {
    List<ToolCall> calls = new ArrayList<>(first.toolCalls());
    calls.addAll(second.toolCalls());
    return first.toBuilder()
        .setText(join(first.text(), second.text()))
        .setThinking(join(first.thinking(), second.thinking()))
        .setToolCalls(List.copyOf(calls))
        .setCallsDropped(first.callsDropped() || second.callsDropped())
        .build();
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "\n\n" + b;
  }
}
