package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;

/** What deduplication needs of a sample: its hash, what the survivor rule orders by, its role. */
@AutoValue
public abstract class DedupCandidate {
  /** Survivor first: earliest first message, then the sample's order key. */
  public static final Comparator<DedupCandidate> SURVIVOR_FIRST =
      Comparator.comparingLong(DedupCandidate::firstTimestampMillis).thenComparing(DedupCandidate::orderKey);

  public abstract String contentSha256();

  public abstract long firstTimestampMillis();

  public abstract String orderKey();

  public abstract GtRole role();

  public static DedupCandidate of(Sample sample) {
    return new AutoValue_DedupCandidate(
        sample.contentSha256(), sample.firstTimestampMillis(), sample.orderKey(), sample.role().role());
  }

  /** Explicit, deterministic encoding, field by field. */
  public static final class DedupCandidateCoder extends AtomicCoder<DedupCandidate> {
    private static final DedupCandidateCoder INSTANCE = new DedupCandidateCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();

    public static DedupCandidateCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(DedupCandidate value, OutputStream out) throws IOException {
      STRING.encode(value.contentSha256(), out);
      LONG.encode(value.firstTimestampMillis(), out);
      STRING.encode(value.orderKey(), out);
      STRING.encode(value.role().id(), out);
    }

    @Override
    public DedupCandidate decode(InputStream in) throws IOException {
      return new AutoValue_DedupCandidate(
          STRING.decode(in), LONG.decode(in), STRING.decode(in), GtRole.fromId(STRING.decode(in)));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
