package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Everything the town says about one Claude session, decided once: its role (with the signal that
 * decided it, its rig and worker), its cost from its last cost line, and what became of its work.
 * Every conversation of the session carries it from tagging on.
 */
@AutoValue
public abstract class SessionDecision {
  public abstract RoleTag role();

  /** Micro-dollars of the session's last cost line, or {@link Sample#NO_COST}. */
  public abstract long costMicros();

  public abstract SessionOutcome outcome();

  public static SessionDecision create(RoleTag role, long costMicros, SessionOutcome outcome) {
    return new AutoValue_SessionDecision(role, costMicros, outcome);
  }

  /** A session the town says nothing about. */
  public static SessionDecision unknown() {
    return create(RoleTag.unknown(), Sample.NO_COST, SessionOutcome.builder().build());
  }

  /** Explicit, deterministic encoding: the tag, the cost, the outcome. */
  public static final class SessionDecisionCoder extends AtomicCoder<SessionDecision> {
    private static final SessionDecisionCoder INSTANCE = new SessionDecisionCoder();

    public static SessionDecisionCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(SessionDecision value, OutputStream out) throws IOException {
      RoleTag.RoleTagCoder.of().encode(value.role(), out);
      VarLongCoder.of().encode(value.costMicros(), out);
      SessionOutcome.SessionOutcomeCoder.of().encode(value.outcome(), out);
    }

    @Override
    public SessionDecision decode(InputStream in) throws IOException {
      return create(
          RoleTag.RoleTagCoder.of().decode(in), VarLongCoder.of().decode(in), SessionOutcome.SessionOutcomeCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
