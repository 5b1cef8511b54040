package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.DoubleCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * What became of a session's work, from structured signals only: the decisive event or log about
 * it (with the value that signal is worth), its bead and the bead's status, the tokens and cost its
 * metrics recorded, and how often its requests were interrupted or failed.
 */
@AutoValue
public abstract class SessionOutcome {
  /** No value: the session has no such signal. */
  public static final long NONE = -1;

  /** E.g. {@code events:merged}, {@code otel_logs:COMPLETED}; "" when nothing was said of the work. */
  public abstract String outcomeSignal();

  /** What {@link #outcomeSignal} is worth, from 0 to 1; meaningless without one. */
  public abstract double outcomeValue();

  public abstract String bead();

  /** The bead's status in its rig's beads ({@code closed}, {@code open}, ...), or "". */
  public abstract String beadStatus();

  /** Tokens the session's metric series counted, or {@link #NONE}. */
  public abstract long metricTokens();

  /** Micro-dollars the session's cost series counted, or {@link #NONE}. */
  public abstract long metricCostMicros();

  public abstract long interruptions();

  public abstract long apiErrors();

  /** Output tokens of the session's responses, from their {@code usage}. */
  public abstract long outputTokens();

  public static Builder builder() {
    return new AutoValue_SessionOutcome.Builder()
        .setOutcomeSignal("")
        .setOutcomeValue(0)
        .setBead("")
        .setBeadStatus("")
        .setMetricTokens(NONE)
        .setMetricCostMicros(NONE)
        .setInterruptions(0)
        .setApiErrors(0)
        .setOutputTokens(0);
  }

  public abstract Builder toBuilder();

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setOutcomeSignal(String signal);

    public abstract Builder setOutcomeValue(double value);

    public abstract Builder setBead(String bead);

    public abstract Builder setBeadStatus(String status);

    public abstract Builder setMetricTokens(long tokens);

    public abstract Builder setMetricCostMicros(long micros);

    public abstract Builder setInterruptions(long interruptions);

    public abstract Builder setApiErrors(long apiErrors);

    public abstract Builder setOutputTokens(long tokens);

    public abstract SessionOutcome build();
  }

  /** Explicit, deterministic encoding, field by field. */
  public static final class SessionOutcomeCoder extends AtomicCoder<SessionOutcome> {
    private static final SessionOutcomeCoder INSTANCE = new SessionOutcomeCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final DoubleCoder DOUBLE = DoubleCoder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static SessionOutcomeCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(SessionOutcome o, OutputStream out) throws IOException {
      STRING.encode(o.outcomeSignal(), out);
      DOUBLE.encode(o.outcomeValue(), out);
      STRING.encode(o.bead(), out);
      STRING.encode(o.beadStatus(), out);
      LONG.encode(o.metricTokens(), out);
      LONG.encode(o.metricCostMicros(), out);
      LONG.encode(o.interruptions(), out);
      LONG.encode(o.apiErrors(), out);
      LONG.encode(o.outputTokens(), out);
    }

    @Override
    public SessionOutcome decode(InputStream in) throws IOException {
      return builder()
          .setOutcomeSignal(STRING.decode(in))
          .setOutcomeValue(DOUBLE.decode(in))
          .setBead(STRING.decode(in))
          .setBeadStatus(STRING.decode(in))
          .setMetricTokens(LONG.decode(in))
          .setMetricCostMicros(LONG.decode(in))
          .setInterruptions(LONG.decode(in))
          .setApiErrors(LONG.decode(in))
          .setOutputTokens(LONG.decode(in))
          .build();
    }

    @Override
    public void verifyDeterministic() {}
  }
}
