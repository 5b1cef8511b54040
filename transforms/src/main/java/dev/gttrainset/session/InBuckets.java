package dev.gttrainset.session;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Keys small per-session values by a bucket of their session, for a GroupByKey that meets them a
 * bucket at a time: the same data crosses the shuffle, in a fixed number of groups rather than one
 * per session. {@link #bySession} takes a bucket's values apart again.
 */
final class InBuckets<V> extends PTransform<PCollection<KV<String, V>>, PCollection<KV<Integer, KV<String, V>>>> {
  private final int buckets;

  private InBuckets(int buckets) {
    this.buckets = buckets;
  }

  static <V> InBuckets<V> of(int buckets) {
    return new InBuckets<>(buckets);
  }

  @Override
  public PCollection<KV<Integer, KV<String, V>>> expand(PCollection<KV<String, V>> values) {
    int count = buckets;
    return values
        .apply(
            "ByBucket",
            MapElements.into(TypeDescriptors.kvs(TypeDescriptors.integers(), new TypeDescriptor<KV<String, V>>() {}))
                .via((KV<String, V> value) -> KV.of(Math.floorMod(value.getKey().hashCode(), count), value)))
        .setCoder(KvCoder.of(VarIntCoder.of(), values.getCoder()));
  }

  /** A bucket's values by session; a session met twice is a bug upstream, not a choice. */
  static <V> Map<String, V> bySession(Iterable<KV<String, V>> bucket) {
    Map<String, V> bySession = new TreeMap<>();
    for (KV<String, V> value : bucket) {
      if (bySession.put(value.getKey(), value.getValue()) != null) {
        throw new IllegalStateException("session " + value.getKey() + " was decided twice");
      }
    }
    return bySession;
  }
}
