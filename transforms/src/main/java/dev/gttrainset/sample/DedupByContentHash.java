package dev.gttrainset.sample;

import dev.gttrainset.model.Sample;
import dev.gttrainset.stats.StatKeys;
import java.util.Comparator;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Removes exact duplicates: samples grouped by content hash, one survivor per group chosen the
 * same way on every runner: earliest first message, then {@link Sample#orderKey}.
 */
public final class DedupByContentHash extends PTransform<PCollection<Sample>, PCollectionTuple> {
  public static final TupleTag<Sample> SURVIVORS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  static final Comparator<Sample> SURVIVOR_FIRST =
      Comparator.comparingLong(Sample::firstTimestampMillis).thenComparing(Sample::orderKey);

  public static DedupByContentHash create() {
    return new DedupByContentHash();
  }

  @Override
  public PCollectionTuple expand(PCollection<Sample> samples) {
    return samples
        .apply(
            "KeyByContentHash",
            WithKeys.of(Sample::contentSha256).withKeyType(TypeDescriptors.strings()))
        .apply("GroupByContentHash", GroupByKey.create())
        .apply(
            "PickSurvivor",
            ParDo.of(new PickSurvivorFn()).withOutputTags(SURVIVORS, TupleTagList.of(STATS)));
  }

  private static final class PickSurvivorFn extends DoFn<KV<String, Iterable<Sample>>, Sample> {
    @ProcessElement
    public void process(@Element KV<String, Iterable<Sample>> group, MultiOutputReceiver out) {
      Sample survivor = null;
      for (Sample sample : group.getValue()) {
        if (survivor == null) {
          survivor = sample;
          continue;
        }
        Sample duplicate;
        if (SURVIVOR_FIRST.compare(sample, survivor) < 0) {
          duplicate = survivor;
          survivor = sample;
        } else {
          duplicate = sample;
        }
        out.get(STATS).output(KV.of(StatKeys.SAMPLES_DUPLICATES, 1L));
        out.get(STATS).output(KV.of(StatKeys.role(duplicate.role().role().id(), "duplicates"), 1L));
      }
      out.get(SURVIVORS).output(survivor);
    }
  }
}
