package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** A sample as near-duplicate removal sees it: what the survivor rule needs, and its MinHash signature. */
@AutoValue
public abstract class NearDupCandidate {
  public abstract DedupCandidate sample();

  @SuppressWarnings("mutable")
  public abstract int[] signature();

  public static NearDupCandidate create(DedupCandidate sample, int[] signature) {
    return new AutoValue_NearDupCandidate(sample, signature);
  }

  /**
   * Explicit, deterministic encoding: the candidate, then the signature's length and its values as
   * four bytes each, in one write: a signature crosses the band shuffle once per band, and a
   * value at a time is what the runner's streams are slowest at.
   */
  public static final class NearDupCandidateCoder extends AtomicCoder<NearDupCandidate> {
    private static final NearDupCandidateCoder INSTANCE = new NearDupCandidateCoder();
    private static final DedupCandidate.DedupCandidateCoder SAMPLE = DedupCandidate.DedupCandidateCoder.of();
    private static final VarIntCoder INT = VarIntCoder.of();

    public static NearDupCandidateCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(NearDupCandidate value, OutputStream out) throws IOException {
      SAMPLE.encode(value.sample(), out);
      int[] signature = value.signature();
      INT.encode(signature.length, out);
      ByteBuffer bytes = ByteBuffer.allocate(signature.length * Integer.BYTES);
      bytes.asIntBuffer().put(signature);
      out.write(bytes.array());
    }

    @Override
    public NearDupCandidate decode(InputStream in) throws IOException {
      DedupCandidate sample = SAMPLE.decode(in);
      int[] signature = new int[INT.decode(in)];
      byte[] bytes = in.readNBytes(signature.length * Integer.BYTES);
      if (bytes.length != signature.length * Integer.BYTES) {
        throw new EOFException("a signature of " + signature.length + " values ended after " + bytes.length + " bytes");
      }
      ByteBuffer.wrap(bytes).asIntBuffer().get(signature);
      return create(sample, signature);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
