package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Comparator;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BooleanCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * What deduplication needs of a sample, gathered in one pass: its hash, what the survivor rule
 * orders by, its role, whether an earlier partition published it, and its MinHash signature
 * (empty when there is nothing to compare).
 */
@AutoValue
public abstract class DedupCandidate {
  /** Survivor first: earliest first message, then the sample's order key. */
  public static final Comparator<DedupCandidate> SURVIVOR_FIRST =
      Comparator.comparingLong(DedupCandidate::firstTimestampMillis).thenComparing(DedupCandidate::orderKey);

  private static final int[] NO_SIGNATURE = new int[0];

  public abstract String contentSha256();

  public abstract long firstTimestampMillis();

  public abstract String orderKey();

  public abstract GtRole role();

  public abstract boolean published();

  @SuppressWarnings("mutable")
  public abstract int[] signature();

  public static DedupCandidate of(Sample sample, boolean published, int[] signature) {
    return new AutoValue_DedupCandidate(
        sample.contentSha256(), sample.firstTimestampMillis(), sample.orderKey(), sample.role().role(), published, signature);
  }

  /** The candidate as a pair of near-duplicates carries it: the signature has done its work. */
  public DedupCandidate withoutSignature() {
    return new AutoValue_DedupCandidate(
        contentSha256(), firstTimestampMillis(), orderKey(), role(), published(), NO_SIGNATURE);
  }

  /**
   * Explicit, deterministic encoding, field by field; the signature as its length and four bytes
   * a value, in one write: it crosses the band shuffle once per band, and a value at a time is
   * what the runner's streams are slowest at.
   */
  public static final class DedupCandidateCoder extends AtomicCoder<DedupCandidate> {
    private static final DedupCandidateCoder INSTANCE = new DedupCandidateCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarLongCoder LONG = VarLongCoder.of();
    private static final VarIntCoder INT = VarIntCoder.of();
    private static final BooleanCoder BOOLEAN = BooleanCoder.of();

    public static DedupCandidateCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(DedupCandidate value, OutputStream out) throws IOException {
      STRING.encode(value.contentSha256(), out);
      LONG.encode(value.firstTimestampMillis(), out);
      STRING.encode(value.orderKey(), out);
      STRING.encode(value.role().id(), out);
      BOOLEAN.encode(value.published(), out);
      int[] signature = value.signature();
      INT.encode(signature.length, out);
      ByteBuffer bytes = ByteBuffer.allocate(signature.length * Integer.BYTES);
      bytes.asIntBuffer().put(signature);
      out.write(bytes.array());
    }

    @Override
    public DedupCandidate decode(InputStream in) throws IOException {
      String hash = STRING.decode(in);
      long first = LONG.decode(in);
      String orderKey = STRING.decode(in);
      GtRole role = GtRole.fromId(STRING.decode(in));
      boolean published = BOOLEAN.decode(in);
      int[] signature = new int[INT.decode(in)];
      byte[] bytes = in.readNBytes(signature.length * Integer.BYTES);
      if (bytes.length != signature.length * Integer.BYTES) {
        throw new EOFException("a signature of " + signature.length + " values ended after " + bytes.length + " bytes");
      }
      ByteBuffer.wrap(bytes).asIntBuffer().get(signature);
      return new AutoValue_DedupCandidate(hash, first, orderKey, role, published, signature);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
