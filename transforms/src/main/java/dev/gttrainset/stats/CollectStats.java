package dev.gttrainset.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * Sums the statistics every stage emitted into one sorted map. Built from PCollections, not runner
 * metrics, so the numbers are the same on every runner.
 */
public final class CollectStats
    extends PTransform<PCollection<KV<String, Long>>, PCollection<Map<String, Long>>> {

  public static CollectStats create() {
    return new CollectStats();
  }

  @Override
  public PCollection<Map<String, Long>> expand(PCollection<KV<String, Long>> stats) {
    // One combine, lifted into each bundle: summing by statistic first gave a key per statistic,
    // and the DirectRunner scans every key's timer and copies its state on every turn.
    return stats
        .apply("OneSortedMap", Combine.globally(new ToSortedMapFn()))
        .setCoder(MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  private static final class ToSortedMapFn
      extends Combine.CombineFn<KV<String, Long>, Map<String, Long>, Map<String, Long>> {
    @Override
    public Map<String, Long> createAccumulator() {
      return new HashMap<>();
    }

    @Override
    public Map<String, Long> addInput(Map<String, Long> map, KV<String, Long> stat) {
      map.merge(stat.getKey(), stat.getValue(), Long::sum);
      return map;
    }

    @Override
    public Map<String, Long> mergeAccumulators(Iterable<Map<String, Long>> maps) {
      Map<String, Long> merged = new HashMap<>();
      maps.forEach(m -> m.forEach((k, v) -> merged.merge(k, v, Long::sum)));
      return merged;
    }

    @Override
    public Map<String, Long> extractOutput(Map<String, Long> map) {
      return new TreeMap<>(map);
    }

    @Override
    public Coder<Map<String, Long>> getAccumulatorCoder(
        CoderRegistry registry, Coder<KV<String, Long>> input) {
      return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    }
  }
}
