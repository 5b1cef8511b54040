package dev.gttrainset.output;

import dev.gttrainset.model.ChatMessage;

/** Kept thinking goes inline before the answer, in the {@code <think>} tags chat templates know. */
final class Thinking {
  private Thinking() {}

  static String withAnswer(ChatMessage message, boolean keepThinking) {
    if (!keepThinking || message.thinking().isEmpty()) {
      return message.text();
    }
    String think = "<think>\n" + message.thinking() + "\n</think>";
    return message.text().isEmpty() ? think : think + "\n\n" + message.text();
  }
}
