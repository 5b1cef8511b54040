package dev.gttrainset.sample;

import dev.gttrainset.model.DedupCandidate;
import dev.gttrainset.model.NearDupCandidate;
import dev.gttrainset.model.Sample;
import dev.gttrainset.sideinput.ReadOnce;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Removes near-duplicates: samples whose assistant text and tool calls are almost the same
 * (patrols that differ by a count). Each sample's {@link MinHash} signature is cut into bands;
 * samples that share a band key meet in a GroupByKey (keyed by band and the key's low bits, so a
 * runner sees at most 256 groups and the DirectRunner as many bundles) and are compared by the
 * signature's estimate of Jaccard similarity. Similar pairs join clusters; in each cluster the
 * survivor is chosen as exact deduplication chooses ({@link DedupCandidate#SURVIVOR_FIRST}), the
 * others are dropped where they are, by a side input. Threshold 0 switches it off.
 */
public final class DropNearDuplicates extends PTransform<PCollection<Sample>, PCollectionTuple> {
  public static final TupleTag<Sample> SURVIVORS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private static final TupleTag<KV<String, String>> SURVIVOR_OF = new TupleTag<>() {};

  /** Groups per band: the band key's low bits. */
  private static final int GROUPS_PER_BAND = 16;

  private final double threshold;

  private DropNearDuplicates(double threshold) {
    this.threshold = threshold;
  }

  /** @param threshold the estimated Jaccard similarity from which two samples are one; 0 for none */
  public static DropNearDuplicates atSimilarity(double threshold) {
    return new DropNearDuplicates(threshold);
  }

  @Override
  public PCollectionTuple expand(PCollection<Sample> samples) {
    PCollectionTuple clusters =
        samples
            .apply("Signatures", ParDo.of(new BandsFn(threshold)))
            .setCoder(
                KvCoder.of(VarIntCoder.of(), KvCoder.of(VarLongCoder.of(), NearDupCandidate.NearDupCandidateCoder.of())))
            .apply("GroupByBand", GroupByKey.create())
            .apply("SimilarPairs", ParDo.of(new SimilarPairsFn(threshold)))
            .setCoder(KvCoder.of(DedupCandidate.DedupCandidateCoder.of(), DedupCandidate.DedupCandidateCoder.of()))
            .apply("Clusters", Combine.globally(new ClustersFn()))
            .apply("SurvivorOfEach", ParDo.of(new SurvivorsFn()).withOutputTags(SURVIVOR_OF, TupleTagList.of(STATS)));
    PCollectionView<Map<String, String>> survivorOf =
        clusters.get(SURVIVOR_OF).apply("SurvivorOfEachNearDuplicate", View.asMap());
    PCollection<Sample> kept =
        samples.apply("DropNearDuplicates", ParDo.of(new DropFn(survivorOf)).withSideInputs(survivorOf));
    return PCollectionTuple.of(SURVIVORS, kept).and(STATS, clusters.get(STATS));
  }

  /** A sample's band keys, each with the sample: key (band, low bits) to (band key, candidate). */
  private static final class BandsFn extends DoFn<Sample, KV<Integer, KV<Long, NearDupCandidate>>> {
    private final double threshold;

    BandsFn(double threshold) {
      this.threshold = threshold;
    }

    @ProcessElement
    public void process(@Element Sample sample, OutputReceiver<KV<Integer, KV<Long, NearDupCandidate>>> out) {
      if (threshold <= 0) {
        return;
      }
      String text = MinHash.assistantText(sample);
      if (text.isBlank()) {
        return; // nothing said, nothing to be alike in
      }
      int[] signature = MinHash.signature(text);
      if (signature.length == 0) {
        return; // no word: symbols alone are like nothing
      }
      NearDupCandidate candidate = NearDupCandidate.create(DedupCandidate.of(sample), signature);
      int rows = MinHash.rowsFor(threshold);
      for (int band = 0; band < MinHash.SIZE / rows; band++) {
        long key = MinHash.bandKey(signature, band, rows);
        out.output(KV.of(band * GROUPS_PER_BAND + (int) (key & (GROUPS_PER_BAND - 1)), KV.of(key, candidate)));
      }
    }
  }

  /**
   * In each bucket of one band key, in survivor order, every sample is compared with the bucket's
   * earlier representatives: similar to one, it is paired with it; else it is a representative.
   * Each sample so finds at most one partner per bucket, the earliest, whatever the bucket's size.
   */
  private static final class SimilarPairsFn
      extends DoFn<KV<Integer, Iterable<KV<Long, NearDupCandidate>>>, KV<DedupCandidate, DedupCandidate>> {
    private static final Comparator<KV<Long, NearDupCandidate>> BY_KEY_THEN_SURVIVOR_FIRST =
        Comparator.comparing((KV<Long, NearDupCandidate> c) -> c.getKey())
            .thenComparing(c -> c.getValue().sample(), DedupCandidate.SURVIVOR_FIRST);

    private final double threshold;

    SimilarPairsFn(double threshold) {
      this.threshold = threshold;
    }

    @ProcessElement
    public void process(
        @Element KV<Integer, Iterable<KV<Long, NearDupCandidate>>> group,
        OutputReceiver<KV<DedupCandidate, DedupCandidate>> out) {
      List<KV<Long, NearDupCandidate>> members = new ArrayList<>();
      group.getValue().forEach(members::add);
      members.sort(BY_KEY_THEN_SURVIVOR_FIRST);
      List<NearDupCandidate> representatives = new ArrayList<>();
      long bucket = 0;
      for (int i = 0; i < members.size(); i++) {
        if (i == 0 || members.get(i).getKey() != bucket) {
          bucket = members.get(i).getKey();
          representatives.clear();
        }
        NearDupCandidate member = members.get(i).getValue();
        NearDupCandidate partner = null;
        for (NearDupCandidate representative : representatives) {
          if (MinHash.similarity(member.signature(), representative.signature()) >= threshold) {
            partner = representative;
            break;
          }
        }
        if (partner == null) {
          representatives.add(member);
        } else {
          out.output(KV.of(partner.sample(), member.sample()));
        }
      }
    }
  }

  /** Clusters of the similar pairs: for each sample in one, the cluster's survivor. */
  private static final class ClustersFn
      extends Combine.CombineFn<KV<DedupCandidate, DedupCandidate>, List<KV<DedupCandidate, DedupCandidate>>, Map<DedupCandidate, DedupCandidate>> {
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

    /** Union-find over order keys; each cluster's survivor is its first in survivor order. */
    @Override
    public Map<DedupCandidate, DedupCandidate> extractOutput(List<KV<DedupCandidate, DedupCandidate>> pairs) {
      Map<String, String> parent = new HashMap<>();
      Map<String, DedupCandidate> members = new HashMap<>();
      for (KV<DedupCandidate, DedupCandidate> pair : pairs) {
        members.put(pair.getKey().orderKey(), pair.getKey());
        members.put(pair.getValue().orderKey(), pair.getValue());
        String a = root(parent, pair.getKey().orderKey());
        String b = root(parent, pair.getValue().orderKey());
        if (!a.equals(b)) {
          parent.put(b, a);
        }
      }
      Map<String, DedupCandidate> survivorOfRoot = new HashMap<>();
      for (DedupCandidate member : members.values()) {
        survivorOfRoot.merge(
            root(parent, member.orderKey()), member, (x, y) -> DedupCandidate.SURVIVOR_FIRST.compare(x, y) <= 0 ? x : y);
      }
      Map<DedupCandidate, DedupCandidate> survivorOf = new HashMap<>();
      for (DedupCandidate member : members.values()) {
        survivorOf.put(member, survivorOfRoot.get(root(parent, member.orderKey())));
      }
      return survivorOf;
    }

    /** The root of a key's tree, halving the path on the way. */
    private static String root(Map<String, String> parent, String key) {
      String node = key;
      for (String up = parent.get(node); up != null; up = parent.get(node)) {
        String grand = parent.get(up);
        if (grand != null) {
          parent.put(node, grand);
        }
        node = up;
      }
      return node;
    }

    @Override
    public Coder<List<KV<DedupCandidate, DedupCandidate>>> getAccumulatorCoder(
        CoderRegistry registry, Coder<KV<DedupCandidate, DedupCandidate>> input) {
      return ListCoder.of(input);
    }
  }

  /** Survivors by the near-duplicates' order keys, in one bundle; counts by role and cluster size. */
  private static final class SurvivorsFn extends DoFn<Map<DedupCandidate, DedupCandidate>, KV<String, String>> {
    @ProcessElement
    public void process(@Element Map<DedupCandidate, DedupCandidate> survivorOf, MultiOutputReceiver out) {
      Counters counters = new Counters();
      Map<String, Integer> clusterSizes = new TreeMap<>();
      survivorOf.forEach(
          (member, survivor) -> {
            clusterSizes.merge(survivor.orderKey(), 1, Integer::sum);
            if (member.equals(survivor)) {
              return;
            }
            out.get(SURVIVOR_OF).output(KV.of(member.orderKey(), survivor.orderKey()));
            String role = member.role().id();
            counters.increment(StatKeys.SAMPLES_DUPLICATES);
            counters.increment(StatKeys.SAMPLES_NEAR_DUPLICATES);
            counters.increment(StatKeys.role(role, "duplicates"));
            counters.increment(StatKeys.role(role, "near_duplicates"));
          });
      counters.add(StatKeys.SAMPLES_NEAR_DUPLICATES, 0);
      counters.add(StatKeys.NEAR_DUP_CLUSTERS, clusterSizes.size());
      clusterSizes.values().forEach(size -> counters.increment(StatKeys.nearDupClusterSize(size)));
      counters.forEach((key, count) -> out.get(STATS).output(KV.of(key, count)));
    }
  }

  /** Keeps a sample unless it is a near-duplicate of a survivor. */
  private static final class DropFn extends DoFn<Sample, Sample> {
    private final PCollectionView<Map<String, String>> survivorOf;
    private final ReadOnce<Map<String, String>> survivors = new ReadOnce<>();

    DropFn(PCollectionView<Map<String, String>> survivorOf) {
      this.survivorOf = survivorOf;
    }

    @ProcessElement
    public void process(@Element Sample sample, ProcessContext context, OutputReceiver<Sample> out) {
      if (!survivors.get(() -> context.sideInput(survivorOf)).containsKey(sample.orderKey())) {
        out.output(sample);
      }
    }
  }
}
