package dev.gttrainset.sample;

import dev.gttrainset.model.DedupCandidate;
import dev.gttrainset.model.Duplicate;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.ListCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * The near-duplicates among candidates: samples whose assistant text and tool calls are almost
 * the same (patrols that differ by a count). Each signature is cut into bands; candidates that
 * share a band key meet in a GroupByKey keyed by band (a few dozen groups at most: the
 * DirectRunner copies each group's state on every bundle it gets) and are paired by {@link
 * SimilarPairs}. Pairs join clusters ({@link UnionFind}); each cluster keeps its first in
 * survivor order. Threshold 0 finds none.
 */
final class NearDuplicates extends PTransform<PCollection<DedupCandidate>, PCollectionTuple> {
  static final TupleTag<Duplicate> DROPPED = new TupleTag<>() {};
  static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private final double threshold;

  NearDuplicates(double threshold) {
    this.threshold = threshold;
  }

  @Override
  public PCollectionTuple expand(PCollection<DedupCandidate> candidates) {
    KvCoder<DedupCandidate, DedupCandidate> pairCoder =
        KvCoder.of(DedupCandidate.DedupCandidateCoder.of(), DedupCandidate.DedupCandidateCoder.of());
    return candidates
        .apply("Bands", ParDo.of(new BandsFn(threshold)))
        .setCoder(KvCoder.of(VarIntCoder.of(), KvCoder.of(VarLongCoder.of(), DedupCandidate.DedupCandidateCoder.of())))
        .apply("GroupByBand", GroupByKey.create())
        .apply("SimilarPairs", ParDo.of(new SimilarPairsFn(threshold)))
        .setCoder(pairCoder)
        .apply("AllPairs", Combine.globally(new AllPairs()))
        .setCoder(ListCoder.of(pairCoder))
        .apply("Clusters", ParDo.of(new ClustersFn()).withOutputTags(DROPPED, TupleTagList.of(STATS)));
  }

  /** A candidate's band keys, each with the candidate: band to (band key, candidate). */
  private static final class BandsFn extends DoFn<DedupCandidate, KV<Integer, KV<Long, DedupCandidate>>> {
    private final double threshold;

    BandsFn(double threshold) {
      this.threshold = threshold;
    }

    @ProcessElement
    public void process(@Element DedupCandidate candidate, OutputReceiver<KV<Integer, KV<Long, DedupCandidate>>> out) {
      int[] signature = candidate.signature();
      if (threshold <= 0 || signature.length == 0) {
        return;
      }
      int rows = MinHash.rowsFor(threshold);
      for (int band = 0; band < MinHash.SIZE / rows; band++) {
        long key = MinHash.bandKey(signature, band, rows);
        out.output(KV.of(band, KV.of(key, candidate)));
      }
    }
  }

  private static final class SimilarPairsFn
      extends DoFn<KV<Integer, Iterable<KV<Long, DedupCandidate>>>, KV<DedupCandidate, DedupCandidate>> {
    private final SimilarPairs pairs;

    SimilarPairsFn(double threshold) {
      this.pairs = new SimilarPairs(threshold);
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<Long, DedupCandidate>>> group,
        OutputReceiver<KV<DedupCandidate, DedupCandidate>> out) {
      List<KV<Long, DedupCandidate>> members = new ArrayList<>();
      group.getValue().forEach(members::add);
      for (KV<DedupCandidate, DedupCandidate> pair : pairs.among(members)) {
        out.output(KV.of(pair.getKey().withoutSignature(), pair.getValue().withoutSignature()));
      }
    }
  }

  /** Every pair in one list: clusters cross band groups, so they are drawn where all pairs meet. */
  private static final class AllPairs
      extends Combine.CombineFn<KV<DedupCandidate, DedupCandidate>, List<KV<DedupCandidate, DedupCandidate>>, List<KV<DedupCandidate, DedupCandidate>>> {
    @Override
    public List<KV<DedupCandidate, DedupCandidate>> createAccumulator() {
      return new ArrayList<>();
    }

    @Override
    public List<KV<DedupCandidate, DedupCandidate>> addInput(
        List<KV<DedupCandidate, DedupCandidate>> pairs, KV<DedupCandidate, DedupCandidate> pair) {
      pairs.add(pair);
      return pairs;
    }

    @Override
    public List<KV<DedupCandidate, DedupCandidate>> mergeAccumulators(
        Iterable<List<KV<DedupCandidate, DedupCandidate>>> accumulators) {
      List<KV<DedupCandidate, DedupCandidate>> merged = new ArrayList<>();
      accumulators.forEach(merged::addAll);
      return merged;
    }

    @Override
    public List<KV<DedupCandidate, DedupCandidate>> extractOutput(List<KV<DedupCandidate, DedupCandidate>> pairs) {
      return pairs;
    }

    @Override
    public Coder<List<KV<DedupCandidate, DedupCandidate>>> getAccumulatorCoder(
        CoderRegistry registry, Coder<KV<DedupCandidate, DedupCandidate>> input) {
      return ListCoder.of(input);
    }
  }

  /** Each cluster's members but its survivor, dropped; the clusters counted by size. */
  private static final class ClustersFn extends DoFn<List<KV<DedupCandidate, DedupCandidate>>, Duplicate> {
    @ProcessElement
    public void process(@Element List<KV<DedupCandidate, DedupCandidate>> pairs, MultiOutputReceiver out) {
      UnionFind<DedupCandidate> clusters = new UnionFind<>();
      pairs.forEach(pair -> clusters.union(pair.getKey(), pair.getValue()));
      Counters counters = new Counters();
      counters.add(StatKeys.NEAR_DUP_CLUSTERS, 0);
      counters.add(StatKeys.SAMPLES_NEAR_DUPLICATES, 0);
      for (List<DedupCandidate> cluster : clusters.sets()) {
        DedupCandidate survivor = cluster.stream().min(DedupCandidate.SURVIVOR_FIRST).orElseThrow();
        cluster.stream().filter(member -> !member.equals(survivor)).forEach(member -> out.get(DROPPED).output(Duplicate.nearOf(member, survivor)));
        counters.increment(StatKeys.NEAR_DUP_CLUSTERS);
        counters.increment(StatKeys.nearDupClusterSize(cluster.size()));
      }
      counters.forEach((key, count) -> out.get(STATS).output(KV.of(key, count)));
    }
  }
}
