package dev.gttrainset.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.TupleTag;

/** Counts gathered while one element is processed, emitted afterwards as statistics. */
public final class Counters {
  private final Map<String, Long> counts = new TreeMap<>();

  public void add(String key, long amount) {
    counts.merge(key, amount, Long::sum);
  }

  public void increment(String key) {
    add(key, 1L);
  }

  public long get(String key) {
    return counts.getOrDefault(key, 0L);
  }

  public void forEach(BiConsumer<String, Long> action) {
    counts.forEach(action);
  }

  /**
   * Emits every count as one statistic and starts again: a DoFn that counts over a bundle calls
   * this when the bundle finishes, so a statistic costs one element a bundle, not one an element.
   */
  public void flush(DoFn<?, ?>.FinishBundleContext context, TupleTag<KV<String, Long>> tag) {
    counts.forEach((key, count) -> context.output(tag, KV.of(key, count), GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE));
    counts.clear();
  }

  public Map<String, Long> asMap() {
    return java.util.Collections.unmodifiableMap(counts);
  }
}
