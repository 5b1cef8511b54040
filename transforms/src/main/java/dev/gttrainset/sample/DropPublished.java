package dev.gttrainset.sample;

import dev.gttrainset.model.Sample;
import dev.gttrainset.sideinput.ReadOnce;
import dev.gttrainset.stats.StatKeys;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Drops samples that an earlier partition already published (their content hashes arrive as a
 * side input), so across nightly runs no sample is written twice. They count as duplicates, and
 * also on their own.
 */
public final class DropPublished extends PTransform<PCollection<Sample>, PCollectionTuple> {
  public static final TupleTag<Sample> NEW = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private final PCollectionView<List<String>> published;

  private DropPublished(PCollectionView<List<String>> published) {
    this.published = published;
  }

  /** @param published the content hashes of every sample earlier partitions wrote */
  public static DropPublished against(PCollectionView<List<String>> published) {
    return new DropPublished(published);
  }

  @Override
  public PCollectionTuple expand(PCollection<Sample> samples) {
    return samples.apply(
        "DropAlreadyPublished",
        ParDo.of(new DropFn(published)).withSideInputs(published).withOutputTags(NEW, TupleTagList.of(STATS)));
  }

  private static final class DropFn extends DoFn<Sample, Sample> {
    private final PCollectionView<List<String>> published;
    private final ReadOnce<Set<String>> hashes = new ReadOnce<>();

    DropFn(PCollectionView<List<String>> published) {
      this.published = published;
    }

    @ProcessElement
    public void process(@Element Sample sample, ProcessContext context, MultiOutputReceiver out) {
      if (!hashes.get(() -> new HashSet<>(context.sideInput(published))).contains(sample.contentSha256())) {
        out.get(NEW).output(sample);
        return;
      }
      out.get(STATS).output(KV.of(StatKeys.SAMPLES_DUPLICATES, 1L));
      out.get(STATS).output(KV.of(StatKeys.SAMPLES_PUBLISHED_BEFORE, 1L));
      out.get(STATS).output(KV.of(StatKeys.role(sample.role().role().id(), "duplicates"), 1L));
    }
  }
}
