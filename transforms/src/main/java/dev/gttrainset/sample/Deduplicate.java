package dev.gttrainset.sample;

import dev.gttrainset.model.DedupCandidate;
import dev.gttrainset.model.Duplicate;
import dev.gttrainset.model.Sample;
import dev.gttrainset.sideinput.ReadOnce;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.CountingFn;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Deduplication in one step: one candidate per sample (hash, survivor order, published flag,
 * MinHash signature), one decision naming each dropped sample's {@link Duplicate.Reason} and its
 * survivor, one filter by that decision (a side input). The decision weighs, in order:
 *
 * <ol>
 *   <li>exact: samples grouped by content hash keep one survivor each ({@link
 *       DedupCandidate#SURVIVOR_FIRST}); the groups are keyed by the hash's first hex digit, so
 *       a runner sees at most 16 keys;
 *   <li>near: among the survivors, clusters of almost the same text keep their first ({@link
 *       NearDuplicates});
 *   <li>published: a survivor whose content an earlier partition wrote is dropped too, so across
 *       nightly runs no sample is written twice.
 * </ol>
 *
 * Only candidates cross the shuffles, never the samples.
 */
public final class Deduplicate extends PTransform<PCollection<Sample>, PCollectionTuple> {
  public static final TupleTag<Sample> SURVIVORS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private static final TupleTag<Duplicate> DROPPED = new TupleTag<>() {};
  private static final TupleTag<DedupCandidate> UNIQUE = new TupleTag<>() {};

  private final double nearThreshold;
  private final PCollectionView<List<String>> published;

  private Deduplicate(double nearThreshold, PCollectionView<List<String>> published) {
    this.nearThreshold = nearThreshold;
    this.published = published;
  }

  /**
   * @param nearThreshold the estimated Jaccard similarity from which two samples are one; 0 for none
   * @param published the content hashes of every sample earlier partitions wrote
   */
  public static Deduplicate of(double nearThreshold, PCollectionView<List<String>> published) {
    return new Deduplicate(nearThreshold, published);
  }

  @Override
  public PCollectionTuple expand(PCollection<Sample> samples) {
    PCollectionTuple exact =
        samples
            .apply("Candidates", ParDo.of(new CandidateFn(nearThreshold, published)).withSideInputs(published))
            .apply(
                "KeyByHashPrefix",
                MapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptor.of(DedupCandidate.class)))
                    .via((DedupCandidate c) -> KV.of(shardOf(c.contentSha256()), c)))
            .apply("GroupByContentHash", GroupByKey.create())
            .apply("ExactAndPublished", ParDo.of(new ExactFn()).withOutputTags(DROPPED, TupleTagList.of(UNIQUE)));
    PCollectionTuple near = exact.get(UNIQUE).apply("NearDuplicates", new NearDuplicates(nearThreshold));
    // Every drop of a sample in one multimap, its first reason chosen where the sample is dropped:
    // no GroupByKey with a key per dropped sample, whose timers the DirectRunner scans each turn.
    PCollectionView<Map<String, Iterable<Duplicate>>> drops =
        PCollectionList.of(exact.get(DROPPED))
            .and(near.get(NearDuplicates.DROPPED))
            .apply("AllDrops", Flatten.pCollections())
            .apply("ByOrderKey", WithKeys.of(Duplicate::orderKey).withKeyType(TypeDescriptors.strings()))
            .apply("DropsOfEachSample", View.asMultimap());
    PCollectionTuple kept =
        samples.apply(
            "DropDuplicates", ParDo.of(new DropFn(drops)).withSideInputs(drops).withOutputTags(SURVIVORS, TupleTagList.of(STATS)));
    PCollection<KV<String, Long>> stats =
        PCollectionList.of(kept.get(STATS)).and(near.get(NearDuplicates.STATS)).apply("AllStats", Flatten.pCollections());
    return PCollectionTuple.of(SURVIVORS, kept.get(SURVIVORS)).and(STATS, stats);
  }

  /**
   * The first hex digit of a hash. Few shards on purpose: the DirectRunner makes a bundle of each
   * group, and the band grouping after it copies each of its keys' state once per bundle that
   * reaches it (256 shards made that a fifth of a 1 GB run). A shard holds a sixteenth of the
   * candidates, some 700 bytes each with its signature.
   */
  static String shardOf(String contentSha256) {
    return contentSha256.substring(0, Math.min(1, contentSha256.length()));
  }

  /** A sample near one survivor and published too is dropped as near: the reasons in their order. */
  private static Duplicate firstReason(Iterable<Duplicate> drops) {
    return StreamSupport.stream(drops.spliterator(), false).min(Duplicate.FIRST_REASON).orElseThrow();
  }

  /** Each sample's candidate: its signature only when near-duplicates are looked for. */
  private static final class CandidateFn extends DoFn<Sample, DedupCandidate> {
    private final double nearThreshold;
    private final PCollectionView<List<String>> published;
    private final ReadOnce<Set<String>> publishedHashes = new ReadOnce<>();

    CandidateFn(double nearThreshold, PCollectionView<List<String>> published) {
      this.nearThreshold = nearThreshold;
      this.published = published;
    }

    @ProcessElement
    public void process(@Element Sample sample, ProcessContext context, OutputReceiver<DedupCandidate> out) {
      boolean wasPublished =
          publishedHashes.get(() -> new HashSet<>(context.sideInput(published))).contains(sample.contentSha256());
      out.output(DedupCandidate.of(sample, wasPublished, signature(sample)));
    }

    private int[] signature(Sample sample) {
      if (nearThreshold <= 0) {
        return new int[0];
      }
      String text = MinHash.assistantText(sample);
      return text.isBlank() ? new int[0] : MinHash.signature(text); // nothing said, nothing to be alike in
    }
  }

  /**
   * Per hash: the survivor goes on to the near-duplicate search, the rest are exact duplicates of
   * it; a survivor an earlier partition wrote is dropped as published.
   */
  private static final class ExactFn extends DoFn<KV<String, Iterable<DedupCandidate>>, Duplicate> {
    private static final Comparator<DedupCandidate> BY_HASH_THEN_SURVIVOR_FIRST =
        Comparator.comparing(DedupCandidate::contentSha256).thenComparing(DedupCandidate.SURVIVOR_FIRST);

    @ProcessElement
    public void process(@Element KV<String, Iterable<DedupCandidate>> shard, MultiOutputReceiver out) {
      List<DedupCandidate> candidates = new ArrayList<>();
      shard.getValue().forEach(candidates::add);
      candidates.sort(BY_HASH_THEN_SURVIVOR_FIRST);
      DedupCandidate survivor = null;
      for (DedupCandidate candidate : candidates) {
        if (survivor != null && survivor.contentSha256().equals(candidate.contentSha256())) {
          out.get(DROPPED).output(Duplicate.exactOf(candidate, survivor));
          continue;
        }
        survivor = candidate;
        if (survivor.published()) {
          out.get(DROPPED).output(Duplicate.published(survivor));
        }
        if (survivor.signature().length > 0) {
          out.get(UNIQUE).output(survivor);
        }
      }
    }
  }

  /** Keeps a sample that nothing drops; a dropped one is counted by its first reason, once a bundle. */
  private static final class DropFn extends CountingFn<Sample, Sample> {
    private final PCollectionView<Map<String, Iterable<Duplicate>>> drops;
    private final ReadOnce<Map<String, Iterable<Duplicate>>> dropsOf = new ReadOnce<>();

    DropFn(PCollectionView<Map<String, Iterable<Duplicate>>> drops) {
      this.drops = drops;
    }

    @ProcessElement
    public void process(@Element Sample sample, ProcessContext context, OutputReceiver<Sample> out) {
      Iterable<Duplicate> its = dropsOf.get(() -> context.sideInput(drops)).get(sample.orderKey());
      if (its == null || !its.iterator().hasNext()) {
        out.output(sample);
        return;
      }
      count(firstReason(its));
    }

    private void count(Duplicate duplicate) {
      String role = duplicate.role().id();
      Counters counters = counters();
      counters.increment(StatKeys.SAMPLES_DUPLICATES);
      counters.increment(StatKeys.role(role, "duplicates"));
      switch (duplicate.reason()) {
        case NEAR -> {
          counters.increment(StatKeys.SAMPLES_NEAR_DUPLICATES);
          counters.increment(StatKeys.role(role, "near_duplicates"));
        }
        case PUBLISHED -> counters.increment(StatKeys.SAMPLES_PUBLISHED_BEFORE);
        case EXACT -> {}
      }
    }
  }
}
