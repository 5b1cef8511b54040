package dev.gttrainset.cost;

import com.google.auto.value.AutoValue;
import dev.gttrainset.model.GtRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** When a tagged session ran, and as whom: all a cost record can be matched on. */
@AutoValue
public abstract class SessionSpan {
  public abstract String sessionId();

  public abstract GtRole role();

  /** The rig for rig-scoped roles, else "". */
  public abstract String rig();

  public abstract long firstMillis();

  public abstract long lastMillis();

  public static SessionSpan create(
      String sessionId, GtRole role, String rig, long firstMillis, long lastMillis) {
    return new AutoValue_SessionSpan(sessionId, role, rig, firstMillis, lastMillis);
  }

  /** Explicit, deterministic encoding, field by field. */
  public static final class SessionSpanCoder extends AtomicCoder<SessionSpan> {
    private static final SessionSpanCoder INSTANCE = new SessionSpanCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static SessionSpanCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(SessionSpan value, OutputStream out) throws IOException {
      STRING.encode(value.sessionId(), out);
      STRING.encode(value.role().id(), out);
      STRING.encode(value.rig(), out);
      LONG.encode(value.firstMillis(), out);
      LONG.encode(value.lastMillis(), out);
    }

    @Override
    public SessionSpan decode(InputStream in) throws IOException {
      return create(
          STRING.decode(in),
          GtRole.fromId(STRING.decode(in)),
          STRING.decode(in),
          LONG.decode(in),
          LONG.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
