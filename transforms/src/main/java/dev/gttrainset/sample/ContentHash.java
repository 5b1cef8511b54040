package dev.gttrainset.sample;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a sample's conversation: roles, text, thinking, tool names, arguments and results,
 * in order. Not hashed: the system prompt (it names the role, and the same exchange under two
 * roles is still one exchange) and tool call ids (unique per session, so they would hide every
 * duplicate).
 */
public final class ContentHash {
  private static final char FIELD = '\u001f';
  private static final char RECORD = '\u001e';

  private ContentHash() {}

  public static String of(Sample sample) {
    MessageDigest digest = sha256();
    StringBuilder canonical = new StringBuilder();
    for (ChatMessage m : sample.messages()) {
      if (m.isSystem()) {
        continue;
      }
      canonical.append(m.role()).append(FIELD).append(m.text()).append(FIELD).append(m.thinking());
      for (ToolCall call : m.toolCalls()) {
        canonical.append(FIELD).append(call.name()).append(FIELD).append(call.arguments());
      }
      canonical.append(FIELD).append(m.toolError()).append(RECORD);
      digest.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
      canonical.setLength(0);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
