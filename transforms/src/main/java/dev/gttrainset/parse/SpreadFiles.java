package dev.gttrainset.parse;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;

/**
 * Spreads matched files over workers in a fixed number of groups. A file match comes out of one
 * worker; reading and parsing should not. The groups are few on purpose: the DirectRunner makes a
 * bundle of each, and its cost grows with bundles (each costs a few milliseconds per step, and
 * state a later GroupByKey keeps for a hot key is copied once per bundle). On Flink a group is a
 * key of a hash partition, so the count bounds how many workers share the files.
 */
public final class SpreadFiles<T> extends PTransform<PCollection<T>, PCollection<T>> {
  /** Enough for a few dozen workers, few enough for the DirectRunner. */
  static final int GROUPS = 64;

  public static <T> SpreadFiles<T> create() {
    return new SpreadFiles<>();
  }

  @Override
  public PCollection<T> expand(PCollection<T> files) {
    return files.apply("InGroups", Reshuffle.<T>viaRandomKey().withNumBuckets(GROUPS));
  }
}
