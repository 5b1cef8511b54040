package dev.gttrainset.sample;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.outcome.OutcomeRules;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What makes a sample unfit to train on (a reject reason), and what is only worth knowing of it (a
 * flag). Reasons are checked in the order listed; the first that applies is the one recorded. The
 * score is {@link OutcomeRules}' and has its own signals.
 */
public final class QualityRules implements Serializable {
  public static final String API_ERROR = "api-error";
  public static final String NO_ASSISTANT_CONTENT = "no-assistant-content";
  public static final String UNFINISHED_TURN = "unfinished-turn";
  public static final String TOO_LONG = "too-long";
  public static final String TOO_SHORT = "too-short";

  public static final String TOOL_ERROR_FLAG = "tool-error";

  /** Less assistant output than this (text plus tool arguments) teaches nothing. */
  static final int MIN_ASSISTANT_CHARS = 16;

  public static final String LOW_SCORE = "low-score";

  private final long maxSampleTokens;
  private final double minScore;

  /** @param minScore samples scored below it ({@link Sample#score}) are rejected; 0 keeps all */
  public QualityRules(long maxSampleTokens, double minScore) {
    this.maxSampleTokens = maxSampleTokens;
    this.minScore = minScore;
  }

  public Optional<String> rejectReason(Sample sample) {
    List<ChatMessage> messages = sample.messages();
    long assistantChars = 0;
    boolean apiError = false;
    for (ChatMessage m : messages) {
      if (m.isAssistant()) {
        assistantChars += m.text().length();
        for (ToolCall call : m.toolCalls()) {
          assistantChars += call.name().length() + call.arguments().length();
        }
        apiError |= m.trained() && m.apiError();
      }
    }
    if (apiError) {
      return Optional.of(API_ERROR);
    }
    if (messages.stream().noneMatch(ChatMessage::trained)) {
      return Optional.of(NO_ASSISTANT_CONTENT);
    }
    if (!endsOnTrainedContent(messages.get(messages.size() - 1))) {
      return Optional.of(UNFINISHED_TURN);
    }
    if (sample.estTokens() > maxSampleTokens) {
      return Optional.of(TOO_LONG);
    }
    if (assistantChars < MIN_ASSISTANT_CHARS) {
      return Optional.of(TOO_SHORT);
    }
    if (sample.score() < minScore) {
      return Optional.of(LOW_SCORE);
    }
    return Optional.empty();
  }

  /** A final answer, or a call whose reply opens the next window; never an action cut off. */
  private static boolean endsOnTrainedContent(ChatMessage last) {
    return last.trained() && !last.callsDropped() && (!last.text().isEmpty() || !last.toolCalls().isEmpty());
  }

  /** The sample's flags: those it came with, plus what this filter sees. */
  public static List<String> flags(Sample sample) {
    List<String> flags = new ArrayList<>(sample.qualityFlags());
    boolean toolError = sample.messages().stream().anyMatch(m -> m.isTool() && m.toolError());
    if (toolError && !flags.contains(TOOL_ERROR_FLAG)) {
      flags.add(TOOL_ERROR_FLAG);
    }
    flags.sort(null);
    return List.copyOf(flags);
  }

}
