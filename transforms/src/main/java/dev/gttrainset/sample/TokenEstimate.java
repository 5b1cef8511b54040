package dev.gttrainset.sample;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.ToolCall;
import java.util.List;

/**
 * A tokenizer-free token estimate: about four characters a token, plus a few tokens of chat
 * framing per message. Good enough to size windows; it is labelled an estimate in the output.
 */
public final class TokenEstimate {
  static final int CHARS_PER_TOKEN = 4;
  static final int TOKENS_PER_MESSAGE = 4;

  private TokenEstimate() {}

  public static long of(ChatMessage message) {
    return of(message, Integer.MAX_VALUE);
  }

  /** The estimate with tool output counted as if shortened to {@code maxToolChars}. */
  public static long of(ChatMessage message, int maxToolChars) {
    long text = message.isTool() ? Math.min(message.text().length(), maxToolChars) : message.text().length();
    long chars = text + message.thinking().length();
    for (ToolCall call : message.toolCalls()) {
      chars += call.name().length() + call.arguments().length() + call.id().length();
    }
    return TOKENS_PER_MESSAGE + (chars + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
  }

  public static long of(List<ChatMessage> messages) {
    return of(messages, Integer.MAX_VALUE);
  }

  public static long of(List<ChatMessage> messages, int maxToolChars) {
    return messages.stream().mapToLong(m -> of(m, maxToolChars)).sum();
  }
}
