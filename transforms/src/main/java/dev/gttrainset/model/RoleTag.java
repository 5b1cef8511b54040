package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;

/** A session's role, where in the town it worked, and which evidence decided. */
@AutoValue
public abstract class RoleTag {
  /** Evidence names, strongest first; the winner is kept as {@code metadata.role_signal}. */
  public static final String SIGNAL_EVENT = "event";

  public static final String SIGNAL_CWD = "cwd";
  public static final String SIGNAL_PROJECT_DIR = "project_dir";
  public static final String SIGNAL_MARKER = "marker";
  public static final String SIGNAL_NONE = "none";

  public abstract GtRole role();

  /** The rig for rig-scoped roles (witness, refinery, crew, polecat), else "". */
  public abstract String rig();

  /** The crew member, polecat or dog name, else "". */
  public abstract String worker();

  public abstract String signal();

  public static RoleTag create(GtRole role, String rig, String worker, String signal) {
    return new AutoValue_RoleTag(role, rig, worker, signal);
  }

  public static RoleTag unknown() {
    return create(GtRole.UNKNOWN, "", "", SIGNAL_NONE);
  }

  public RoleTag withSignal(String newSignal) {
    return create(role(), rig(), worker(), newSignal);
  }

  /** Explicit, deterministic encoding: the role id and three strings. */
  public static final class RoleTagCoder extends AtomicCoder<RoleTag> {
    private static final RoleTagCoder INSTANCE = new RoleTagCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();

    public static RoleTagCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(RoleTag value, OutputStream out) throws IOException {
      STRING.encode(value.role().id(), out);
      STRING.encode(value.rig(), out);
      STRING.encode(value.worker(), out);
      STRING.encode(value.signal(), out);
    }

    @Override
    public RoleTag decode(InputStream in) throws IOException {
      return create(
          GtRole.fromId(STRING.decode(in)), STRING.decode(in), STRING.decode(in), STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
