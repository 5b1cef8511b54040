package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * One conversation read from a Claude Code transcript: the main conversation of a session file, a
 * subagent's file, or a sidechain found inside a session file. Subagent conversations carry their
 * parent's session id and their own agent id.
 */
@AutoValue
public abstract class Conversation {
  /** The Claude Code session UUID (the parent's, for a subagent). */
  public abstract String sessionId();

  /** "" for the session's main conversation, the agent id for a subagent or sidechain. */
  public abstract String agentId();

  /** The transcript's path relative to the sessions root, with '/' separators. */
  public abstract String sourceFile();

  /** The encoded project folder the transcript sits in, e.g. {@code -home-ubuntu-gt-mayor}. */
  public abstract String projectDir();

  public abstract String cwd();

  public abstract String gitBranch();

  public abstract String claudeVersion();

  public abstract boolean sidechain();

  public abstract long firstTimestampMillis();

  public abstract long lastTimestampMillis();

  /** Output tokens reported by the API for this conversation's responses. */
  public abstract long outputTokens();

  /** User and assistant messages, each tool reply placed right after the call it answers. */
  public abstract List<ChatMessage> messages();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_Conversation.Builder()
        .setAgentId("")
        .setProjectDir("")
        .setCwd("")
        .setGitBranch("")
        .setClaudeVersion("")
        .setSidechain(false)
        .setFirstTimestampMillis(0L)
        .setLastTimestampMillis(0L)
        .setOutputTokens(0L)
        .setMessages(List.of());
  }

  public boolean isMain() {
    return agentId().isEmpty();
  }

  /** User plus assistant messages: what the report calls turns. */
  public long turns() {
    return messages().stream().filter(m -> m.isUser() || m.isAssistant()).count();
  }

  /** A stable order for conversations of one session: main first, then agents by id. */
  public String orderKey() {
    return (isMain() ? "0" : "1") + agentId() + "\u0000" + sourceFile();
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setSessionId(String sessionId);

    public abstract Builder setAgentId(String agentId);

    public abstract Builder setSourceFile(String sourceFile);

    public abstract Builder setProjectDir(String projectDir);

    public abstract Builder setCwd(String cwd);

    public abstract Builder setGitBranch(String gitBranch);

    public abstract Builder setClaudeVersion(String claudeVersion);

    public abstract Builder setSidechain(boolean sidechain);

    public abstract Builder setFirstTimestampMillis(long firstTimestampMillis);

    public abstract Builder setLastTimestampMillis(long lastTimestampMillis);

    public abstract Builder setOutputTokens(long outputTokens);

    public abstract Builder setMessages(List<ChatMessage> messages);

    public abstract Conversation build();
  }

  /** Explicit, deterministic encoding, field by field. */
  public static final class ConversationCoder extends AtomicCoder<Conversation> {
    private static final ConversationCoder INSTANCE = new ConversationCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final BooleanCoder BOOL = BooleanCoder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();
    private static final ListCoder<ChatMessage> MESSAGES =
        ListCoder.of(ChatMessage.ChatMessageCoder.of());

    public static ConversationCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Conversation c, OutputStream out) throws IOException {
      STRING.encode(c.sessionId(), out);
      STRING.encode(c.agentId(), out);
      STRING.encode(c.sourceFile(), out);
      STRING.encode(c.projectDir(), out);
      STRING.encode(c.cwd(), out);
      STRING.encode(c.gitBranch(), out);
      STRING.encode(c.claudeVersion(), out);
      BOOL.encode(c.sidechain(), out);
      LONG.encode(c.firstTimestampMillis(), out);
      LONG.encode(c.lastTimestampMillis(), out);
      LONG.encode(c.outputTokens(), out);
      MESSAGES.encode(c.messages(), out);
    }

    @Override
    public Conversation decode(InputStream in) throws IOException {
      return builder()
          .setSessionId(STRING.decode(in))
          .setAgentId(STRING.decode(in))
          .setSourceFile(STRING.decode(in))
          .setProjectDir(STRING.decode(in))
          .setCwd(STRING.decode(in))
          .setGitBranch(STRING.decode(in))
          .setClaudeVersion(STRING.decode(in))
          .setSidechain(BOOL.decode(in))
          .setFirstTimestampMillis(LONG.decode(in))
          .setLastTimestampMillis(LONG.decode(in))
          .setOutputTokens(LONG.decode(in))
          .setMessages(MESSAGES.decode(in))
          .build();
    }

    @Override
    public void verifyDeterministic() {}
  }
}
