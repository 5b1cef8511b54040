package dev.gttrainset.output;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.ToolCall;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The ids tool calls and their replies carry: Claude's own, or short ones for Mistral's templates. */
public enum ToolCallIds {
  /** Claude's ids, {@code toolu_} and 24 characters. */
  ORIGINAL,
  /**
   * Nine letters and digits, as Mistral's templates demand: a hash of Claude's id, so a call keeps
   * its id in every sample that shows it, made unique within its sample when two hashes meet.
   */
  SHORT;

  private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  static final int SHORT_LENGTH = 9;

  public static ToolCallIds parse(String name) {
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--toolCallIds must be original or short, not \"" + name + "\"", e);
    }
  }

  List<ChatMessage> apply(List<ChatMessage> messages) {
    if (this == ORIGINAL) {
      return messages;
    }
    Map<String, String> shortIds = new HashMap<>();
    Set<String> taken = new HashSet<>();
    List<ChatMessage> renamed = new ArrayList<>(messages.size());
    for (ChatMessage m : messages) {
      if (m.isTool()) {
        renamed.add(m.toBuilder().setToolCallId(shortIds.computeIfAbsent(m.toolCallId(), id -> fresh(id, taken))).build());
      } else if (!m.toolCalls().isEmpty()) {
        List<ToolCall> calls = new ArrayList<>(m.toolCalls().size());
        for (ToolCall call : m.toolCalls()) {
          String id = shortIds.computeIfAbsent(call.id(), original -> fresh(original, taken));
          calls.add(ToolCall.create(id, call.name(), call.arguments()));
        }
        renamed.add(m.toBuilder().setToolCalls(calls).build());
      } else {
        renamed.add(m);
      }
    }
    return renamed;
  }

  private static String fresh(String original, Set<String> taken) {
    for (int attempt = 0; ; attempt++) {
      String id = hash(attempt == 0 ? original : original + "#" + attempt);
      if (taken.add(id)) {
        return id;
      }
    }
  }

  private static String hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder id = new StringBuilder(SHORT_LENGTH);
      for (int i = 0; i < SHORT_LENGTH; i++) {
        id.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
      }
      return id.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
