package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * One line of a Gas Town log, in one shape for all of them: a town event ({@code .events.jsonl}),
 * a cost record ({@code costs.jsonl}), a command use ({@code cmd-usage*.jsonl}), a telemetry
 * record, a bead. Fields a log
 * does not have are "" (or 0).
 */
@AutoValue
public abstract class GtRecord {
  public static final String EVENTS = "events";
  public static final String COSTS = "costs";
  public static final String COMMANDS = "cmd_usage";
  /** An OpenTelemetry log record as VictoriaLogs exports it. */
  public static final String OTEL_LOGS = "otel_logs";
  /** A metric series as VictoriaMetrics exports it: its last value. */
  public static final String METRICS = "metrics";
  /** An issue of a rig's {@code .beads/issues.jsonl}. */
  public static final String BEADS = "beads";
  /**
   * What Gas Town typed into an agent's session, read from its transcript: the {@code POLECAT_DONE}
   * nudge a witness receives (Gas Town logs it nowhere else).
   */
  public static final String TRANSCRIPT = "transcript";

  /** {@link #EVENTS}, {@link #COSTS}, {@link #COMMANDS}, {@link #OTEL_LOGS}, {@link #METRICS} or {@link #BEADS}. */
  public abstract String source();

  public abstract long timestampMillis();

  /** The event type ({@code session_start}, ...); {@code cost} or {@code command} otherwise. */
  public abstract String type();

  /** Who acted: the event's actor, the command's GT_ROLE, a mail's sender. */
  public abstract String actor();

  /** The Claude Code session UUID, when the record names one. */
  public abstract String sessionId();

  /** The role as the log writes it: an address like {@code gastown/crew/joe}, or a bare role. */
  public abstract String role();

  public abstract String rig();

  public abstract String worker();

  public abstract String cwd();

  public abstract String topic();

  /** A cost in millionths of a dollar, so sums are exact and independent of order. */
  public abstract long costMicros();

  /** The command that ran, e.g. {@code gt mail send}. */
  public abstract String command();

  /** The bead (issue id) the record is about: a done event's, a log's {@code gt.issue}, a bead's own. */
  public abstract String bead();

  /** The git branch of a done or merge event. */
  public abstract String branch();

  /** An OTel log's {@code exit_type}, a bead's status. */
  public abstract String status();

  /** A metric's last value (tokens, or micro-dollars for cost). */
  public abstract long amount();

  /**
   * The tmux session the record names ({@code hq-mayor}, {@code gt-toast}; {@code role.SessionNames}
   * reads both grammars): a cost record's {@code session_id}, a session death's {@code session},
   * telemetry's {@code gt.session}.
   */
  public abstract String gtSession();

  /** OpenTelemetry's {@code run.id} (Gas Town's {@code GT_RUN}), which ties one agent run's records together. */
  public abstract String runId();

  /**
   * Why: a session death's cause, a merge request's {@code close_reason}, the verdict word of the
   * refinery's mail or a {@code POLECAT_DONE} nudge's exit type.
   */
  public abstract String reason();

  public abstract Builder toBuilder();

  public static Builder builder(String source, String type) {
    return new AutoValue_GtRecord.Builder()
        .setSource(source)
        .setType(type)
        .setTimestampMillis(0L)
        .setActor("")
        .setSessionId("")
        .setRole("")
        .setRig("")
        .setWorker("")
        .setCwd("")
        .setTopic("")
        .setCostMicros(0L)
        .setCommand("")
        .setBead("")
        .setBranch("")
        .setStatus("")
        .setAmount(0L)
        .setGtSession("")
        .setRunId("")
        .setReason("");
  }

  @AutoValue.Builder
  public abstract static class Builder {
    public abstract Builder setSource(String source);

    public abstract Builder setTimestampMillis(long timestampMillis);

    public abstract Builder setType(String type);

    public abstract Builder setActor(String actor);

    public abstract Builder setSessionId(String sessionId);

    public abstract Builder setRole(String role);

    public abstract Builder setRig(String rig);

    public abstract Builder setWorker(String worker);

    public abstract Builder setCwd(String cwd);

    public abstract Builder setTopic(String topic);

    public abstract Builder setCostMicros(long costMicros);

    public abstract Builder setCommand(String command);

    public abstract Builder setBead(String bead);

    public abstract Builder setBranch(String branch);

    public abstract Builder setStatus(String status);

    public abstract Builder setAmount(long amount);

    public abstract Builder setGtSession(String gtSession);

    public abstract Builder setRunId(String runId);

    public abstract Builder setReason(String reason);

    public abstract GtRecord build();
  }

  /** Explicit, deterministic encoding, field by field. */
  public static final class GtRecordCoder extends AtomicCoder<GtRecord> {
    private static final GtRecordCoder INSTANCE = new GtRecordCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static GtRecordCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(GtRecord r, OutputStream out) throws IOException {
      STRING.encode(r.source(), out);
      LONG.encode(r.timestampMillis(), out);
      STRING.encode(r.type(), out);
      STRING.encode(r.actor(), out);
      STRING.encode(r.sessionId(), out);
      STRING.encode(r.role(), out);
      STRING.encode(r.rig(), out);
      STRING.encode(r.worker(), out);
      STRING.encode(r.cwd(), out);
      STRING.encode(r.topic(), out);
      LONG.encode(r.costMicros(), out);
      STRING.encode(r.command(), out);
      STRING.encode(r.bead(), out);
      STRING.encode(r.branch(), out);
      STRING.encode(r.status(), out);
      LONG.encode(r.amount(), out);
      STRING.encode(r.gtSession(), out);
      STRING.encode(r.runId(), out);
      STRING.encode(r.reason(), out);
    }

    @Override
    public GtRecord decode(InputStream in) throws IOException {
      return builder(STRING.decode(in), "")
          .setTimestampMillis(LONG.decode(in))
          .setType(STRING.decode(in))
          .setActor(STRING.decode(in))
          .setSessionId(STRING.decode(in))
          .setRole(STRING.decode(in))
          .setRig(STRING.decode(in))
          .setWorker(STRING.decode(in))
          .setCwd(STRING.decode(in))
          .setTopic(STRING.decode(in))
          .setCostMicros(LONG.decode(in))
          .setCommand(STRING.decode(in))
          .setBead(STRING.decode(in))
          .setBranch(STRING.decode(in))
          .setStatus(STRING.decode(in))
          .setAmount(LONG.decode(in))
          .setGtSession(STRING.decode(in))
          .setRunId(STRING.decode(in))
          .setReason(STRING.decode(in))
          .build();
    }

    @Override
    public void verifyDeterministic() {}
  }
}
