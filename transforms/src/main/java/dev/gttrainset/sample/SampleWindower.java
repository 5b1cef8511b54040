package dev.gttrainset.sample;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Cuts a conversation into training windows that fit {@code maxSampleTokens}, at turn boundaries.
 * A turn (a {@link Step}) is one assistant message with the replies to its calls. Whole exchanges
 * share a window while they fit; a longer one is cut into several, each opening with the system
 * prompt and the exchange's task (the first user message), a note of the turns it leaves out, and
 * as untrained context the turn before its first one and any earlier turn whose output shows the
 * lines its edits change. A window ends on a trained assistant message: a final answer, or a call
 * whose reply opens the next window. Every assistant turn is trained in exactly one window, or in
 * none when the user interrupted it or its calls were cut off; those are counted. Sizes count tool
 * output as it will be at least once shortened ({@link ShortenToolOutput}, after scrubbing).
 */
public final class SampleWindower implements Serializable {
  /** Earlier turns a window carries at most for one turn's edits. */
  private static final int MAX_CARRIED = 6;

  private final long maxSampleTokens;
  private final int maxToolResultChars;
  private final boolean keepThinking;

  /** @param maxToolResultChars the least a long tool reply keeps when a window is full */
  public SampleWindower(long maxSampleTokens, int maxToolResultChars, boolean keepThinking) {
    this.maxSampleTokens = maxSampleTokens;
    this.maxToolResultChars = maxToolResultChars;
    this.keepThinking = keepThinking;
  }

  public List<Sample> windows(Conversation conversation, RoleTag role, long costMicros, Counters counters) {
    List<ChatMessage> messages = TurnOrder.normalize(prepare(conversation.messages()), counters);
    List<Step> steps = Step.of(messages, maxToolResultChars, counters);
    ChatMessage system = ChatMessage.system(role.role().systemPrompt());
    List<Sample> samples = new ArrayList<>();
    Window window = null;
    Step endedOn = null;
    for (Step step : steps) {
      if (window != null && window.tokensWith(step) > maxSampleTokens) {
        // A window of untrained turns only trains nothing: it makes way, not a sample.
        endedOn = window.hasTrained() ? window.emit(conversation, role, costMicros, samples) : null;
        window = null;
      }
      if (window == null) {
        window = new Window(system, steps, step, endedOn);
      }
      window.add(step);
    }
    if (window != null) {
      window.emit(conversation, role, costMicros, samples);
    }
    return samples;
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

  /** One window while it is filled: the task it opens with, context turns, then its own turns. */
  private final class Window {
    private final ChatMessage system;
    private final List<Step> all;
    private final Step first;
    /** The turn the window before ended on, its calls trained there. */
    private final Step endedOn;
    private final TreeSet<Integer> context = new TreeSet<>();
    private final Set<Integer> carried = new HashSet<>();
    private final List<Step> own = new ArrayList<>();
    /** Lines its tool output shows and its edits wrote, for the edits that follow. */
    private final Set<String> shown = new HashSet<>();
    private long tokens;

    Window(ChatMessage system, List<Step> all, Step first, Step endedOn) {
      this.system = system;
      this.all = all;
      this.first = first;
      this.endedOn = endedOn;
      this.tokens = TokenEstimate.of(system) + TokenEstimate.of(opening());
      if (first.position() > 0) {
        // The turn before, whose replies the first one reads: whole, shrunk, or (too big) not at all.
        Step before = all.get(first.index() - 1);
        if (tokens + before.tokens() + first.tokens() <= maxSampleTokens) {
          context.add(before.index());
          tokens += before.tokens();
          shown.addAll(before.shownLines());
        } else if (tokens + before.carriedTokens() + first.tokens() <= maxSampleTokens) {
          carry(before);
        }
        if (context.contains(before.index())) {
          carryFor(before, first.tokens());
        }
      }
    }

    /** The task, with a note of the turns before this window's first when it starts mid-task. */
    private ChatMessage opening() {
      ChatMessage task = first.task();
      if (first.position() == 0) {
        return task;
      }
      String note =
          String.format(
              Locale.ROOT,
              "[… %d earlier %s of this task left out …]",
              first.position(),
              first.position() == 1 ? "turn" : "turns");
      return task.toBuilder().setText(task.text() + "\n\n" + note).build();
    }

    boolean hasTrained() {
      return own.stream().anyMatch(Step::trainable);
    }

    long tokensWith(Step step) {
      return tokens + cost(step) + missingTargets(step).stream().mapToLong(this::carryCost).sum();
    }

    void add(Step step) {
      carryFor(step, cost(step));
      tokens += cost(step);
      own.add(step);
      shown.addAll(step.shownLines());
    }

    /** A turn's size here: its task too when it opens another exchange in this window. */
    private long cost(Step step) {
      boolean opensExchange = step.position() == 0 && step != first;
      return step.tokens() + (opensExchange ? TokenEstimate.of(step.task()) : 0);
    }

    /** Carries what the turn's edits need while the window, with {@code reserved} more, fits. */
    private void carryFor(Step step, long reserved) {
      for (Step needed : missingTargets(step)) {
        if (tokens + reserved + carryCost(needed) <= maxSampleTokens) {
          carry(needed);
        }
      }
    }

    private long carryCost(Step step) {
      return context.contains(step.index()) ? 0 : step.carriedTokens();
    }

    /** A turn carried for the lines it shows: its replies may shrink to those lines. */
    private void carry(Step step) {
      if (context.add(step.index())) {
        carried.add(step.index());
        tokens += step.carriedTokens();
        shown.addAll(step.shownLines());
      }
    }

    /**
     * Earlier turns outside this window that show lines the turn's edits change and the window
     * does not show yet, the latest first; and so on for the edits of the turns carried, a few at
     * most.
     */
    private List<Step> missingTargets(Step step) {
      List<Step> needed = new ArrayList<>();
      Deque<Step> editing = new ArrayDeque<>(List.of(step));
      while (!editing.isEmpty()) {
        Step next = editing.poll();
        for (String[] target : next.editTargets()) {
          Set<String> missing = new HashSet<>(EditTargets.linesOf(target[1]));
          missing.removeAll(shown);
          needed.forEach(s -> missing.removeAll(s.shownLines()));
          for (int i = next.index() - 1; i >= 0 && !missing.isEmpty() && needed.size() < MAX_CARRIED; i--) {
            Step earlier = all.get(i);
            if (!context.contains(i) && !own.contains(earlier) && !needed.contains(earlier)
                && missing.stream().anyMatch(earlier.shownLines()::contains)) {
              needed.add(earlier);
              editing.add(earlier);
              missing.removeAll(earlier.shownLines());
            }
          }
        }
      }
      return needed;
    }

    /**
     * The window as a sample, ended on its last trained turn; nothing when it trains none.
     *
     * @return the turn it ended on, when that turn's replies are left to the next window
     */
    Step emit(Conversation conversation, RoleTag role, long costMicros, List<Sample> samples) {
      int end = own.size();
      while (end > 0 && !own.get(end - 1).trainable()) {
        end--;
      }
      if (end == 0) {
        return null;
      }
      List<ChatMessage> messages = new ArrayList<>();
      messages.add(system);
      messages.add(opening());
      for (int i : context) {
        all.get(i).appendTo(messages, true, true, carried.contains(i), all.get(i) == endedOn);
      }
      if (endedOn != null && context.contains(endedOn.index()) && !samples.isEmpty()) {
        // The sample before ended on these calls and this one shows their replies: mark its end too.
        Sample before = samples.get(samples.size() - 1);
        List<ChatMessage> ending = new ArrayList<>(before.messages());
        ChatMessage last = ending.get(ending.size() - 1);
        ending.set(ending.size() - 1, last.toBuilder().setCallsContinued(true).build());
        samples.set(samples.size() - 1, before.toBuilder().setMessages(List.copyOf(ending)).build());
      }
      for (int i = 0; i < end; i++) {
        Step step = own.get(i);
        if (step.position() == 0 && step != first) {
          messages.add(step.task());
        }
        boolean last = i == end - 1;
        // A last turn's calls are what it teaches; their replies open the next window.
        step.appendTo(messages, !step.trainable(), !last, false);
      }
      samples.add(
          Sample.builder()
              .setSessionId(conversation.sessionId())
              .setAgentId(conversation.agentId())
              .setSourceFile(conversation.sourceFile())
              .setRole(role)
              .setSampleIndex(samples.size())
              .setFirstTimestampMillis(first.task().timestampMillis())
              .setMessages(List.copyOf(messages))
              .setEstTokens(ShortenToolOutput.tokens(messages, maxToolResultChars))
              .setCostMicros(costMicros)
              .build());
      Step last = own.get(end - 1);
      return end == own.size() && last.hasCalls() ? last : null;
    }
  }
}
