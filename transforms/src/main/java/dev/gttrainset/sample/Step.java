package dev.gttrainset.sample;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One assistant turn of a conversation: the assistant message and the replies to its calls, with
 * the task (the user message) of the exchange it belongs to. A turn is trainable unless the user
 * interrupted it or its calls were cut off (an announced action that never ran).
 */
final class Step {
  private final int index;
  private final int position;
  private final ChatMessage task;
  private final ChatMessage assistant;
  private final List<ChatMessage> replies;
  private final boolean trainable;
  private final long tokens;
  private final List<String[]> editTargets;
  private Set<String> shownLines;

  private Step(
      int index, int position, ChatMessage task, ChatMessage assistant, List<ChatMessage> replies,
      boolean trainable, int maxToolChars) {
    this.index = index;
    this.position = position;
    this.task = task;
    this.assistant = assistant;
    this.replies = List.copyOf(replies);
    this.trainable = trainable;
    this.tokens = TokenEstimate.of(assistant) + TokenEstimate.of(replies, maxToolChars);
    this.editTargets = EditTargets.of(assistant);
  }

  /**
   * The turns of messages in {@link TurnOrder}: each user message opens an exchange, each assistant
   * message a turn. Messages before the first user message have no task and are counted as left out.
   */
  static List<Step> of(List<ChatMessage> messages, int maxToolChars, Counters counters) {
    List<Step> steps = new ArrayList<>();
    ChatMessage task = null;
    int position = 0;
    for (int i = 0; i < messages.size(); i++) {
      ChatMessage m = messages.get(i);
      if (m.isUser()) {
        if (task != null && position == 0) {
          counters.increment(StatKeys.MESSAGES_UNFINISHED);
        }
        task = m;
        position = 0;
        continue;
      }
      if (!m.isAssistant() || task == null) {
        counters.increment(StatKeys.MESSAGES_BEFORE_FIRST_PROMPT);
        continue;
      }
      List<ChatMessage> replies = new ArrayList<>();
      while (i + 1 < messages.size() && messages.get(i + 1).isTool()) {
        replies.add(messages.get(++i));
      }
      // The user stopping a turn says it was not wanted: the next message or a reply says so.
      boolean interrupted =
          replies.stream().anyMatch(ChatMessage::interrupted)
              || (i + 1 < messages.size() && messages.get(i + 1).interrupted());
      String reason = interrupted ? "interrupted" : m.callsDropped() ? "calls-cut-off" : "";
      if (!reason.isEmpty()) {
        counters.increment(StatKeys.notTrained(reason));
      }
      steps.add(new Step(steps.size(), position++, task, m, replies, reason.isEmpty(), maxToolChars));
    }
    if (task != null && position == 0) {
      counters.increment(StatKeys.MESSAGES_UNFINISHED);
    }
    return steps;
  }

  int index() {
    return index;
  }

  /** Its place among its exchange's turns, from 0. */
  int position() {
    return position;
  }

  ChatMessage task() {
    return task;
  }

  /** Its edits' files and old strings ({@link EditTargets#of}). */
  List<String[]> editTargets() {
    return editTargets;
  }

  boolean trainable() {
    return trainable;
  }

  /** Whether it ends in tool calls, whose replies follow it. */
  boolean hasCalls() {
    return !assistant.toolCalls().isEmpty();
  }

  long tokens() {
    return tokens;
  }

  /** The lines its replies show and its edits write (stripped): what a later edit may change. */
  Set<String> shownLines() {
    if (shownLines == null) {
      Set<String> lines = new HashSet<>(EditTargets.writtenBy(assistant));
      replies.forEach(r -> lines.addAll(EditTargets.shownBy(r.text())));
      shownLines = lines;
    }
    return shownLines;
  }

  /** Its size carried for the lines it shows: replies at most {@link ShortenToolOutput#CARRIED_CHARS}. */
  long carriedTokens() {
    return TokenEstimate.of(assistant) + TokenEstimate.of(replies, ShortenToolOutput.CARRIED_CHARS);
  }

  /** @param carried its replies are context too, and may shrink to the lines later edits change */
  void appendTo(List<ChatMessage> messages, boolean asContext, boolean withReplies, boolean carried) {
    appendTo(messages, asContext, withReplies, carried, false);
  }

  /** @param trainedBefore the sample before ended on this turn's calls ({@link ChatMessage#callsContinued}) */
  void appendTo(List<ChatMessage> messages, boolean asContext, boolean withReplies, boolean carried, boolean trainedBefore) {
    ChatMessage shown = asContext ? assistant.toBuilder().setContext(true).setCallsContinued(trainedBefore).build() : assistant;
    messages.add(shown);
    if (withReplies) {
      replies.forEach(r -> messages.add(carried ? r.toBuilder().setContext(true).build() : r));
    }
  }
}
