package dev.gttrainset.parse;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PCollection;

/**
 * Spreads matched files over workers in a fixed number of groups. A file match comes out of one
 * worker; reading and parsing should not. On Flink a group is a key of a hash partition, so the
 * count bounds how many workers read and parse at once, and every step chained to the parse. The
 * DirectRunner makes a bundle of each group, and its cost grows with bundles: each costs a
 * millisecond or so per step, and a step whose side input is not ready yet retries every bundle
 * it holds on each turn of its scheduler. So the launcher gives it fewer groups ({@code
 * --fileGroups}); the output is the same whatever the count.
 */
public final class SpreadFiles<T> extends PTransform<PCollection<T>, PCollection<T>> {
  /** Enough for a few dozen workers. */
  public static final int GROUPS = 64;

  private final int groups;

  private SpreadFiles(int groups) {
    this.groups = groups;
  }

  public static <T> SpreadFiles<T> into(int groups) {
    if (groups < 1) {
      throw new IllegalArgumentException("files must be spread over at least one group, not " + groups);
    }
    return new SpreadFiles<>(groups);
  }

  @Override
  public PCollection<T> expand(PCollection<T> files) {
    return files.apply("InGroups", Reshuffle.<T>viaRandomKey().withNumBuckets(groups));
  }
}
