package dev.gttrainset.sample;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a conversation into training windows. A window starts at a user message that begins a new
 * exchange (the message before it closed a turn), ends on an assistant message that asks for no
 * tool, and so never separates a tool call from its reply. Consecutive exchanges share a window
 * while they fit {@code maxSampleTokens}; an exchange that alone exceeds it becomes a window of its
 * own, which the quality filter rejects as too long. Sizes count tool output as it will be once
 * shortened to {@code maxToolResultChars}; the shortening itself waits until after scrubbing. A conversation that stops mid-turn (an
 * unanswered prompt, a session killed during a tool loop) ends in an unfinished window of its own,
 * which the quality filter rejects, so it shows in the rejects instead of vanishing.
 */
public final class SampleWindower implements Serializable {
  private final long maxSampleTokens;
  private final int maxToolResultChars;
  private final boolean keepThinking;

  public SampleWindower(long maxSampleTokens, int maxToolResultChars, boolean keepThinking) {
    this.maxSampleTokens = maxSampleTokens;
    this.maxToolResultChars = maxToolResultChars;
    this.keepThinking = keepThinking;
  }

  public List<Sample> windows(
      Conversation conversation, RoleTag role, long costMicros, Counters counters) {
    List<ChatMessage> messages = prepare(conversation.messages());
    ChatMessage system = ChatMessage.system(role.role().systemPrompt());
    long systemTokens = TokenEstimate.of(system);

    List<List<ChatMessage>> exchanges = exchanges(messages, counters);
    List<ChatMessage> unfinished = null;
    if (!exchanges.isEmpty() && !endsTurn(exchanges.get(exchanges.size() - 1))) {
      // Kept apart, so the quality filter rejects it visibly without taking finished work along.
      unfinished = exchanges.remove(exchanges.size() - 1);
    }
    List<Sample> samples = new ArrayList<>();
    List<ChatMessage> window = new ArrayList<>();
    long windowTokens = 0;
    for (List<ChatMessage> exchange : exchanges) {
      long tokens = tokens(exchange);
      if (isFlawed(exchange)) {
        // Alone in its window: the filter rejects it without taking good exchanges along.
        if (!window.isEmpty()) {
          samples.add(sample(conversation, role, costMicros, samples.size(), system, window));
          window = new ArrayList<>();
          windowTokens = 0;
        }
        samples.add(sample(conversation, role, costMicros, samples.size(), system, exchange));
        continue;
      }
      if (!window.isEmpty() && systemTokens + windowTokens + tokens > maxSampleTokens) {
        samples.add(sample(conversation, role, costMicros, samples.size(), system, window));
        window = new ArrayList<>();
        windowTokens = 0;
      }
      window.addAll(exchange);
      windowTokens += tokens;
    }
    if (!window.isEmpty()) {
      samples.add(sample(conversation, role, costMicros, samples.size(), system, window));
    }
    if (unfinished != null) {
      samples.add(sample(conversation, role, costMicros, samples.size(), system, unfinished));
    }
    return samples;
  }

  /** An exchange with a failed API call or an interruption: the quality filter will reject it. */
  private static boolean isFlawed(List<ChatMessage> exchange) {
    return exchange.stream().anyMatch(m -> m.apiError() || m.interrupted());
  }

  private static boolean endsTurn(List<ChatMessage> exchange) {
    return exchange.get(exchange.size() - 1).endsTurn();
  }

  /** Drops thinking unless kept, and assistant messages that are then empty. */
  private List<ChatMessage> prepare(List<ChatMessage> messages) {
    List<ChatMessage> prepared = new ArrayList<>(messages.size());
    for (ChatMessage message : messages) {
      ChatMessage m = message;
      if (!keepThinking && !m.thinking().isEmpty()) {
        m = m.toBuilder().setThinking("").build();
      }
      if (m.isAssistant() && m.text().isEmpty() && m.thinking().isEmpty() && m.toolCalls().isEmpty()) {
        continue;
      }
      prepared.add(m);
    }
    return prepared;
  }

  /** Tokens once tool output is shortened, which happens after scrubbing ({@link ShortenToolOutput}). */
  private long tokens(List<ChatMessage> messages) {
    return messages.stream().mapToLong(m -> TokenEstimate.of(m, maxToolResultChars)).sum();
  }

  /**
   * Splits messages into exchanges, each from a user message that follows a closed turn up to the
   * next one. Messages before the first user message have no prompt to train on and are counted as
   * dropped. Only the last exchange can be unfinished; it is cut back to its last closed turn when
   * it has one.
   */
  static List<List<ChatMessage>> exchanges(List<ChatMessage> messages, Counters counters) {
    List<List<ChatMessage>> exchanges = new ArrayList<>();
    List<ChatMessage> current = null;
    ChatMessage previous = null;
    for (ChatMessage message : messages) {
      if (message.isUser() && (current == null || previous.endsTurn())) {
        current = new ArrayList<>();
        exchanges.add(current);
      }
      if (current == null) {
        counters.increment(StatKeys.MESSAGES_BEFORE_FIRST_PROMPT);
      } else {
        current.add(message);
      }
      previous = message;
    }
    if (!exchanges.isEmpty()) {
      List<ChatMessage> last = exchanges.get(exchanges.size() - 1);
      int end = last.size();
      while (end > 0 && !last.get(end - 1).endsTurn()) {
        end--;
      }
      if (end > 0 && end < last.size()) {
        counters.add(StatKeys.MESSAGES_UNFINISHED, last.size() - end);
        last.subList(end, last.size()).clear();
      }
    }
    return exchanges;
  }

  private Sample sample(
      Conversation conversation,
      RoleTag role,
      long costMicros,
      int index,
      ChatMessage system,
      List<ChatMessage> window) {
    List<ChatMessage> messages = new ArrayList<>(window.size() + 1);
    messages.add(system);
    messages.addAll(window);
    return Sample.builder()
        .setSessionId(conversation.sessionId())
        .setAgentId(conversation.agentId())
        .setSourceFile(conversation.sourceFile())
        .setRole(role)
        .setSampleIndex(index)
        .setFirstTimestampMillis(window.get(0).timestampMillis())
        .setMessages(List.copyOf(messages))
        .setEstTokens(tokens(messages))
        .setCostMicros(costMicros)
        .build();
  }
}
