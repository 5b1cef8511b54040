package dev.gttrainset.parse;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.io.fs.MetadataCoderV2;

/** A matched file with what choosing the run's sessions needs: its real path and its times. */
@AutoValue
abstract class TimedFile {
  abstract MatchResult.Metadata file();

  /** The file's real path; links and loops list one file under many names. */
  abstract String realPath();

  /** The session its records name (its name's when none does), or "" when it is no transcript. */
  abstract String sessionId();

  /** The subagent its place names, or "" for a session's own file. */
  abstract String agentId();

  /** False when its tail could not be read: parsing reads it and says what is wrong. */
  abstract boolean timed();

  abstract long lastRecordMillis();

  abstract long lastModifiedMillis();

  static TimedFile create(
      MatchResult.Metadata file,
      String realPath,
      String sessionId,
      String agentId,
      boolean timed,
      long lastRecordMillis,
      long lastModifiedMillis) {
    return new AutoValue_TimedFile(file, realPath, sessionId, agentId, timed, lastRecordMillis, lastModifiedMillis);
  }

  String name() {
    return file().resourceId().toString();
  }

  /** One conversation's copies share it: checkpoints of a session, a file kept twice. */
  String conversationKey() {
    return sessionId() + "\u0000" + agentId();
  }

  boolean isTranscript() {
    return !sessionId().isEmpty();
  }

  /** Explicit, deterministic encoding, field by field. */
  static final class TimedFileCoder extends AtomicCoder<TimedFile> {
    private static final TimedFileCoder INSTANCE = new TimedFileCoder();
    private static final MetadataCoderV2 METADATA = MetadataCoderV2.of();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final BooleanCoder BOOL = BooleanCoder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    static TimedFileCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(TimedFile value, OutputStream out) throws IOException {
      METADATA.encode(value.file(), out);
      STRING.encode(value.realPath(), out);
      STRING.encode(value.sessionId(), out);
      STRING.encode(value.agentId(), out);
      BOOL.encode(value.timed(), out);
      LONG.encode(value.lastRecordMillis(), out);
      LONG.encode(value.lastModifiedMillis(), out);
    }

    @Override
    public TimedFile decode(InputStream in) throws IOException {
      return create(
          METADATA.decode(in), STRING.decode(in), STRING.decode(in), STRING.decode(in), BOOL.decode(in), LONG.decode(in), LONG.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
