package dev.gttrainset.sample;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What makes a sample unfit to train on (a reject reason), and what only lowers its score (a
 * flag). Reasons are checked in the order listed; the first that applies is the one recorded.
 */
public final class QualityRules implements Serializable {
  public static final String API_ERROR = "api-error";
  public static final String INTERRUPTED = "interrupted";
  public static final String NO_ASSISTANT_CONTENT = "no-assistant-content";
  public static final String UNFINISHED_TURN = "unfinished-turn";
  public static final String TOO_LONG = "too-long";
  public static final String TOO_SHORT = "too-short";

  public static final String TOOL_ERROR_FLAG = "tool-error";

  /** Less assistant output than this (text plus tool arguments) teaches nothing. */
  static final int MIN_ASSISTANT_CHARS = 16;

  /** Score penalties by flag; a sample's score is 1 minus the penalties of its flags. */
  public static final Map<String, Double> PENALTIES =
      Map.of(TOOL_ERROR_FLAG, 0.2, ShortenToolOutput.TRUNCATED_FLAG, 0.1);

  private final long maxSampleTokens;

  public QualityRules(long maxSampleTokens) {
    this.maxSampleTokens = maxSampleTokens;
  }

  public Optional<String> rejectReason(Sample sample) {
    List<ChatMessage> messages = sample.messages();
    long assistantChars = 0;
    boolean apiError = false;
    boolean interrupted = false;
    for (ChatMessage m : messages) {
      if (m.isAssistant()) {
        assistantChars += m.text().length();
        for (ToolCall call : m.toolCalls()) {
          assistantChars += call.name().length() + call.arguments().length();
        }
        apiError |= m.apiError();
      }
      interrupted |= m.isUser() && m.interrupted();
    }
    if (apiError) {
      return Optional.of(API_ERROR);
    }
    if (interrupted) {
      return Optional.of(INTERRUPTED);
    }
    if (messages.stream().noneMatch(ChatMessage::isAssistant)) {
      return Optional.of(NO_ASSISTANT_CONTENT);
    }
    if (!messages.get(messages.size() - 1).endsTurn()) {
      return Optional.of(UNFINISHED_TURN);
    }
    if (sample.estTokens() > maxSampleTokens) {
      return Optional.of(TOO_LONG);
    }
    if (assistantChars < MIN_ASSISTANT_CHARS) {
      return Optional.of(TOO_SHORT);
    }
    return Optional.empty();
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

  /** 1 minus the penalties of the flags, never below 0. */
  public static double score(List<String> flags) {
    double score = 1.0;
    for (String flag : flags) {
      score -= PENALTIES.getOrDefault(flag, 0.0);
    }
    return Math.max(0.0, Math.round(score * 1000) / 1000.0);
  }
}
