package dev.gttrainset.session;

import dev.gttrainset.model.GtRecord;
import dev.gttrainset.parse.Timestamps;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The time each Gas Town source covers, and each type of town event: its first and last record,
 * as statistics. Gas Town's daemon prunes {@code .events.jsonl} in place (session_start after three
 * days, done after fourteen), so what a file holds is not what the town did: the report shows the
 * ranges and what fell outside them.
 */
public final class SourceCoverage extends PTransform<PCollection<GtRecord>, PCollection<KV<String, Long>>> {
  private SourceCoverage() {}

  public static SourceCoverage of() {
    return new SourceCoverage();
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollection<GtRecord> records) {
    return records
        .apply("FirstAndLastOfEach", Combine.globally(new RangesFn()))
        .apply(
            "AsStatistics",
            FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.longs()))
                .via(SourceCoverage::statistics))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  /** Ranges as {@code key -> millis}, the keys {@link StatKeys#coverage} and {@link StatKeys#eventCoverage}. */
  private static List<KV<String, Long>> statistics(Map<String, Long> edges) {
    List<KV<String, Long>> stats = new ArrayList<>();
    edges.forEach((key, millis) -> stats.add(KV.of(key, millis)));
    return stats;
  }

  private static final class RangesFn extends Combine.CombineFn<GtRecord, Map<String, Long>, Map<String, Long>> {
    @Override
    public Map<String, Long> createAccumulator() {
      return new TreeMap<>();
    }

    @Override
    public Map<String, Long> addInput(Map<String, Long> edges, GtRecord record) {
      long at = record.timestampMillis();
      if (at == Timestamps.NONE) {
        return edges;
      }
      widen(edges, StatKeys.coverage(record.source(), "first"), StatKeys.coverage(record.source(), "last"), at);
      if (record.source().equals(GtRecord.EVENTS)) {
        widen(edges, StatKeys.eventCoverage(record.type(), "first"), StatKeys.eventCoverage(record.type(), "last"), at);
      }
      return edges;
    }

    @Override
    public Map<String, Long> mergeAccumulators(Iterable<Map<String, Long>> accumulators) {
      Map<String, Long> merged = new TreeMap<>();
      for (Map<String, Long> edges : accumulators) {
        edges.forEach((key, millis) -> merged.merge(key, millis, key.endsWith("first" + StatKeys.MILLIS_SUFFIX) ? Math::min : Math::max));
      }
      return merged;
    }

    @Override
    public Map<String, Long> extractOutput(Map<String, Long> edges) {
      return edges;
    }

    @Override
    public Coder<Map<String, Long>> getAccumulatorCoder(CoderRegistry registry, Coder<GtRecord> input) {
      return MapCoder.of(StringUtf8Coder.of(), VarLongCoder.of());
    }

    private static void widen(Map<String, Long> edges, String first, String last, long at) {
      edges.merge(first, at, Math::min);
      edges.merge(last, at, Math::max);
    }
  }
}
