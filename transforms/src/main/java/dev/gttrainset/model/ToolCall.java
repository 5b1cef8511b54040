package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** One tool call made by the assistant. */
@AutoValue
public abstract class ToolCall {
  public abstract String id();

  public abstract String name();

  /** The call's input as compact JSON text: OpenAI's wire format carries arguments as a string. */
  public abstract String arguments();

  public static ToolCall create(String id, String name, String arguments) {
    return new AutoValue_ToolCall(id, name, arguments);
  }

  public ToolCall withArguments(String newArguments) {
    return create(id(), name(), newArguments);
  }

  /** Explicit, deterministic encoding: three strings. */
  public static final class ToolCallCoder extends AtomicCoder<ToolCall> {
    private static final ToolCallCoder INSTANCE = new ToolCallCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();

    public static ToolCallCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(ToolCall value, OutputStream out) throws IOException {
      STRING.encode(value.id(), out);
      STRING.encode(value.name(), out);
      STRING.encode(value.arguments(), out);
    }

    @Override
    public ToolCall decode(InputStream in) throws IOException {
      return create(STRING.decode(in), STRING.decode(in), STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
