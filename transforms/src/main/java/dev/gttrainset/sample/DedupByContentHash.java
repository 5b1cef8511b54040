package dev.gttrainset.sample;

import dev.gttrainset.model.DedupCandidate;
import dev.gttrainset.model.Sample;
import dev.gttrainset.sideinput.ReadOnce;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Removes exact duplicates: samples grouped by content hash, one survivor per hash chosen the same
 * way on every runner ({@link DedupCandidate#SURVIVOR_FIRST}).
 *
 * <p>What is grouped is a {@link DedupCandidate} per sample, never the sample: the GroupByKey
 * names the survivor of each hash that occurs more than once, and the samples, where they are,
 * drop the others by that decision (a side input). Groups are keyed by the hash's first byte, so
 * a runner sees at most 256 keys, and the DirectRunner as many bundles rather than one a sample.
 */
public final class DedupByContentHash extends PTransform<PCollection<Sample>, PCollectionTuple> {
  public static final TupleTag<Sample> SURVIVORS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private static final TupleTag<KV<String, String>> SURVIVOR_OF_HASH = new TupleTag<>() {};

  private static final Comparator<DedupCandidate> BY_HASH_THEN_SURVIVOR_FIRST =
      Comparator.comparing(DedupCandidate::contentSha256).thenComparing(DedupCandidate.SURVIVOR_FIRST);

  public static DedupByContentHash create() {
    return new DedupByContentHash();
  }

  @Override
  public PCollectionTuple expand(PCollection<Sample> samples) {
    PCollectionTuple decided =
        samples
            .apply(
                "KeyByHashPrefix",
                MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(DedupCandidate.class)))
                    .via((Sample s) -> KV.of(shardOf(s.contentSha256()), DedupCandidate.of(s))))
            .apply("GroupByContentHash", GroupByKey.create())
            .apply(
                "PickSurvivors",
                ParDo.of(new PickSurvivorsFn()).withOutputTags(SURVIVOR_OF_HASH, TupleTagList.of(STATS)));
    PCollectionView<Map<String, String>> survivors =
        decided.get(SURVIVOR_OF_HASH).apply("SurvivorOfEachRepeatedHash", View.asMap());
    PCollection<Sample> kept =
        samples.apply("DropDuplicates", ParDo.of(new DropDuplicatesFn(survivors)).withSideInputs(survivors));
    return PCollectionTuple.of(SURVIVORS, kept).and(STATS, decided.get(STATS));
  }

  /** The first byte of a hash, in hex. */
  static String shardOf(String contentSha256) {
    return contentSha256.substring(0, Math.min(2, contentSha256.length()));
  }

  /** For every hash seen more than once: its survivor's order key, and a count per duplicate. */
  private static final class PickSurvivorsFn extends DoFn<KV<String, Iterable<DedupCandidate>>, KV<String, String>> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<DedupCandidate>> shard, MultiOutputReceiver out) {
      List<DedupCandidate> candidates = new ArrayList<>();
      shard.getValue().forEach(candidates::add);
      candidates.sort(BY_HASH_THEN_SURVIVOR_FIRST);
      DedupCandidate survivor = null;
      boolean repeated = false;
      for (DedupCandidate candidate : candidates) {
        if (survivor == null || !survivor.contentSha256().equals(candidate.contentSha256())) {
          survivor = candidate;
          repeated = false;
          continue;
        }
        if (!repeated) {
          out.get(SURVIVOR_OF_HASH).output(KV.of(survivor.contentSha256(), survivor.orderKey()));
          repeated = true;
        }
        out.get(STATS).output(KV.of(StatKeys.SAMPLES_DUPLICATES, 1L));
        out.get(STATS).output(KV.of(StatKeys.role(candidate.role().id(), "duplicates"), 1L));
      }
    }
  }

  /** Keeps a sample unless another sample with its hash survives. */
  private static final class DropDuplicatesFn extends DoFn<Sample, Sample> {
    private final PCollectionView<Map<String, String>> survivors;
    private final ReadOnce<Map<String, String>> survivorOfHash = new ReadOnce<>();

    DropDuplicatesFn(PCollectionView<Map<String, String>> survivors) {
      this.survivors = survivors;
    }

    @ProcessElement
    public void process(@Element Sample sample, ProcessContext context, OutputReceiver<Sample> out) {
      String survivor = survivorOfHash.get(() -> context.sideInput(survivors)).get(sample.contentSha256());
      if (survivor == null || survivor.equals(sample.orderKey())) {
        out.output(sample);
      }
    }
  }
}
