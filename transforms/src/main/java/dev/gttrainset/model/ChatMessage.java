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
 * One message of a conversation after parsing: a user message, an assistant message (all lines of
 * one API response merged), the reply to one tool call, or the system prompt of a sample. Absent
 * text is "", never null.
 */
@AutoValue
public abstract class ChatMessage {
  public static final String USER = "user";
  public static final String ASSISTANT = "assistant";
  public static final String TOOL = "tool";
  public static final String SYSTEM = "system";

  /** {@link #USER}, {@link #ASSISTANT}, {@link #TOOL} or {@link #SYSTEM}. */
  public abstract String role();

  public abstract String text();

  /** The assistant's thinking blocks; only written when the job keeps thinking. */
  public abstract String thinking();

  public abstract List<ToolCall> toolCalls();

  /** For a tool reply, the id of the call it answers. */
  public abstract String toolCallId();

  /** For a tool reply, the name of the tool that was called. */
  public abstract String toolName();

  /** A tool reply flagged {@code is_error}. */
  public abstract boolean toolError();

  /** A synthetic assistant message that stands for a failed API request. */
  public abstract boolean apiError();

  /** A user message that interrupted the assistant. */
  public abstract boolean interrupted();

  /** An assistant message whose tool calls got no reply (the session stopped): the turn is open. */
  public abstract boolean callsDropped();

  public abstract long timestampMillis();

  /**
   * Shown for context only. An assistant message that another sample trains, or nobody should (the
   * user interrupted it), written with OpenAI's {@code "weight": 0}; or a tool reply carried only
   * for the lines a later edit changes, which may shrink to those.
   */
  public abstract boolean context();

  /**
   * An assistant message whose calls one sample ends on and the next opens with, as context, with
   * their replies: both copies carry it. Where each call must be its own message followed by its
   * reply ({@code --toolCallsPerMessage=one}), the first sample trains the first call and the next
   * the others, each after the replies before it.
   */
  public abstract boolean callsContinued();

  public abstract Builder toBuilder();

  public static Builder builder() {
    return new AutoValue_ChatMessage.Builder()
        .setText("")
        .setThinking("")
        .setToolCalls(List.of())
        .setToolCallId("")
        .setToolName("")
        .setToolError(false)
        .setApiError(false)
        .setInterrupted(false)
        .setCallsDropped(false)
        .setTimestampMillis(0L)
        .setContext(false)
        .setCallsContinued(false);
  }

  public static ChatMessage user(String text, long timestampMillis) {
    return builder().setRole(USER).setText(text).setTimestampMillis(timestampMillis).build();
  }

  public static ChatMessage assistant(String text, List<ToolCall> calls, long timestampMillis) {
    return builder()
        .setRole(ASSISTANT)
        .setText(text)
        .setToolCalls(calls)
        .setTimestampMillis(timestampMillis)
        .build();
  }

  public static ChatMessage toolReply(
      ToolCall call, String content, boolean error, long timestampMillis) {
    return builder()
        .setRole(TOOL)
        .setText(content)
        .setToolCallId(call.id())
        .setToolName(call.name())
        .setToolError(error)
        .setTimestampMillis(timestampMillis)
        .build();
  }

  public static ChatMessage system(String text) {
    return builder().setRole(SYSTEM).setText(text).build();
  }

  public boolean isUser() {
    return USER.equals(role());
  }

  public boolean isAssistant() {
    return ASSISTANT.equals(role());
  }

  public boolean isSystem() {
    return SYSTEM.equals(role());
  }

  public boolean isTool() {
    return TOOL.equals(role());
  }

  /** An assistant message a sample trains on. */
  public boolean trained() {
    return isAssistant() && !context();
  }


  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setRole(String role);

    public abstract Builder setText(String text);

    public abstract Builder setThinking(String thinking);

    public abstract Builder setToolCalls(List<ToolCall> toolCalls);

    public abstract Builder setToolCallId(String toolCallId);

    public abstract Builder setToolName(String toolName);

    public abstract Builder setToolError(boolean toolError);

    public abstract Builder setApiError(boolean apiError);

    public abstract Builder setInterrupted(boolean interrupted);

    public abstract Builder setCallsDropped(boolean callsDropped);

    public abstract Builder setTimestampMillis(long timestampMillis);

    public abstract Builder setContext(boolean context);

    public abstract Builder setCallsContinued(boolean callsContinued);

    public abstract ChatMessage build();
  }

  /** Explicit, deterministic encoding, field by field. */
  public static final class ChatMessageCoder extends AtomicCoder<ChatMessage> {
    private static final ChatMessageCoder INSTANCE = new ChatMessageCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final BooleanCoder BOOL = BooleanCoder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();
    private static final ListCoder<ToolCall> CALLS = ListCoder.of(ToolCall.ToolCallCoder.of());

    public static ChatMessageCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(ChatMessage m, OutputStream out) throws IOException {
      STRING.encode(m.role(), out);
      STRING.encode(m.text(), out);
      STRING.encode(m.thinking(), out);
      CALLS.encode(m.toolCalls(), out);
      STRING.encode(m.toolCallId(), out);
      STRING.encode(m.toolName(), out);
      BOOL.encode(m.toolError(), out);
      BOOL.encode(m.apiError(), out);
      BOOL.encode(m.interrupted(), out);
      BOOL.encode(m.callsDropped(), out);
      LONG.encode(m.timestampMillis(), out);
      BOOL.encode(m.context(), out);
      BOOL.encode(m.callsContinued(), out);
    }

    @Override
    public ChatMessage decode(InputStream in) throws IOException {
      return builder()
          .setRole(STRING.decode(in))
          .setText(STRING.decode(in))
          .setThinking(STRING.decode(in))
          .setToolCalls(CALLS.decode(in))
          .setToolCallId(STRING.decode(in))
          .setToolName(STRING.decode(in))
          .setToolError(BOOL.decode(in))
          .setApiError(BOOL.decode(in))
          .setInterrupted(BOOL.decode(in))
          .setCallsDropped(BOOL.decode(in))
          .setTimestampMillis(LONG.decode(in))
          .setContext(BOOL.decode(in))
          .setCallsContinued(BOOL.decode(in))
          .build();
    }

    @Override
    public void verifyDeterministic() {}
  }
}
