package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import dev.gttrainset.parse.GtMessages;
import dev.gttrainset.parse.GasTownMarker;
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
 * What the session-wide steps need of a conversation, a few hundred bytes instead of the whole
 * transcript: the evidence of its role, when it ran, and where. Roles, costs and home folders are
 * worked out from these and reach the conversations as side inputs, so conversations are never
 * shuffled to meet their session.
 */
@AutoValue
public abstract class ConversationFacts {
  public abstract String sessionId();

  /** As {@link Conversation#orderKey}: the session's main conversation sorts first. */
  public abstract String orderKey();

  public abstract boolean isMain();

  public abstract String cwd();

  public abstract String projectDir();

  /** The address in the Gas Town marker that opens the first user message, or "". */
  public abstract String markerAddress();

  public abstract long firstTimestampMillis();

  public abstract long lastTimestampMillis();

  /** Requests the user interrupted. */
  public abstract long interruptions();

  /** Responses that were API errors. */
  public abstract long apiErrors();

  /** Output tokens of its responses, from their {@code usage}. */
  public abstract long outputTokens();

  /**
   * The {@code POLECAT_DONE} nudges typed into the session ({@link GtRecord#TRANSCRIPT} records: the
   * polecat, its exit type, when): a witness learns so that a polecat finished.
   */
  public abstract List<GtRecord> nudges();

  public static ConversationFacts create(
      String sessionId,
      String orderKey,
      boolean isMain,
      String cwd,
      String projectDir,
      String markerAddress,
      long firstTimestampMillis,
      long lastTimestampMillis,
      long interruptions,
      long apiErrors,
      long outputTokens,
      List<GtRecord> nudges) {
    return new AutoValue_ConversationFacts(
        sessionId, orderKey, isMain, cwd, projectDir, markerAddress, firstTimestampMillis, lastTimestampMillis,
        interruptions, apiErrors, outputTokens, List.copyOf(nudges));
  }

  /** Explicit, deterministic encoding, field by field. */
  public static final class ConversationFactsCoder extends AtomicCoder<ConversationFacts> {
    private static final ConversationFactsCoder INSTANCE = new ConversationFactsCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();
    private static final BooleanCoder BOOL = BooleanCoder.of();
    private static final ListCoder<GtRecord> NUDGES = ListCoder.of(GtRecord.GtRecordCoder.of());

    public static ConversationFactsCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(ConversationFacts value, OutputStream out) throws IOException {
      STRING.encode(value.sessionId(), out);
      STRING.encode(value.orderKey(), out);
      BOOL.encode(value.isMain(), out);
      STRING.encode(value.cwd(), out);
      STRING.encode(value.projectDir(), out);
      STRING.encode(value.markerAddress(), out);
      LONG.encode(value.firstTimestampMillis(), out);
      LONG.encode(value.lastTimestampMillis(), out);
      LONG.encode(value.interruptions(), out);
      LONG.encode(value.apiErrors(), out);
      LONG.encode(value.outputTokens(), out);
      NUDGES.encode(value.nudges(), out);
    }

    @Override
    public ConversationFacts decode(InputStream in) throws IOException {
      return create(
          STRING.decode(in),
          STRING.decode(in),
          BOOL.decode(in),
          STRING.decode(in),
          STRING.decode(in),
          STRING.decode(in),
          LONG.decode(in),
          LONG.decode(in),
          LONG.decode(in),
          LONG.decode(in),
          LONG.decode(in),
          NUDGES.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
