package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
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

  /** Explicit, deterministic encoding: the candidate, then the signature's length and values. */
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
      INT.encode(value.signature().length, out);
      for (int v : value.signature()) {
        INT.encode(v, out);
      }
    }

    @Override
    public NearDupCandidate decode(InputStream in) throws IOException {
      DedupCandidate sample = SAMPLE.decode(in);
      int[] signature = new int[INT.decode(in)];
      for (int i = 0; i < signature.length; i++) {
        signature[i] = INT.decode(in);
      }
      return create(sample, signature);
    }

    @Override
    public void verifyDeterministic() {}
  }
}
