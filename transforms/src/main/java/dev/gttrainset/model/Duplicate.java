package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Comparator;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/** A sample deduplication drops: which, why, and what stays in its place. */
@AutoValue
public abstract class Duplicate {
  /** Why a sample is dropped, in the order the reasons are weighed. */
  public enum Reason {
    /** The same content as its survivor. */
    EXACT,
    /** Almost the same assistant text and calls as its survivor. */
    NEAR,
    /** An earlier partition already wrote this content. */
    PUBLISHED
  }

  /** The reason weighed first decides; a sample is dropped once. */
  public static final Comparator<Duplicate> FIRST_REASON =
      Comparator.comparing(Duplicate::reason).thenComparing(Duplicate::survivor);

  /** The dropped sample's order key. */
  public abstract String orderKey();

  public abstract GtRole role();

  public abstract Reason reason();

  /** The order key of the sample kept in its place; for {@link Reason#PUBLISHED}, its content hash. */
  public abstract String survivor();

  public static Duplicate exactOf(DedupCandidate dropped, DedupCandidate survivor) {
    return new AutoValue_Duplicate(dropped.orderKey(), dropped.role(), Reason.EXACT, survivor.orderKey());
  }

  public static Duplicate nearOf(DedupCandidate dropped, DedupCandidate survivor) {
    return new AutoValue_Duplicate(dropped.orderKey(), dropped.role(), Reason.NEAR, survivor.orderKey());
  }

  public static Duplicate published(DedupCandidate dropped) {
    return new AutoValue_Duplicate(dropped.orderKey(), dropped.role(), Reason.PUBLISHED, dropped.contentSha256());
  }

  /** Explicit, deterministic encoding, field by field. */
  public static final class DuplicateCoder extends AtomicCoder<Duplicate> {
    private static final DuplicateCoder INSTANCE = new DuplicateCoder();
    private static final StringUtf8Coder STRING = StringUtf8Coder.of();
    private static final VarIntCoder INT = VarIntCoder.of();

    public static DuplicateCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(Duplicate value, OutputStream out) throws IOException {
      STRING.encode(value.orderKey(), out);
      STRING.encode(value.role().id(), out);
      INT.encode(value.reason().ordinal(), out);
      STRING.encode(value.survivor(), out);
    }

    @Override
    public Duplicate decode(InputStream in) throws IOException {
      return new AutoValue_Duplicate(
          STRING.decode(in), GtRole.fromId(STRING.decode(in)), Reason.values()[INT.decode(in)], STRING.decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
