package dev.gttrainset.stats;

import org.apache.beam.sdk.transforms.DoFn;

/**
 * A DoFn that counts its statistics over a bundle and puts each on {@link Ledger#STATS} once,
 * when the bundle finishes: a count costs an element a bundle, not one an element.
 */
public abstract class CountingFn<InputT, OutputT> extends DoFn<InputT, OutputT> {
  private transient Counters counters;

  /** The counts of the bundle being processed. */
  protected final Counters counters() {
    return counters;
  }

  @StartBundle
  public void startCounting() {
    counters = new Counters();
  }

  @FinishBundle
  public void emitCounts(FinishBundleContext context) {
    counters.flush(context, Ledger.STATS);
  }
}
