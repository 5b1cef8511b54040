package dev.gttrainset.sample;

import dev.gttrainset.model.Sample;
import dev.gttrainset.model.TaggedConversation;
import dev.gttrainset.sideinput.ReadOnce;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/** Cuts every tagged conversation into training windows ({@link SampleWindower}). */
public final class BuildSamples extends PTransform<PCollection<TaggedConversation>, PCollectionTuple> {
  public static final TupleTag<Sample> SAMPLES = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private final SampleWindower windower;
  private final PCollectionView<Map<String, Long>> costs;

  private BuildSamples(SampleWindower windower, PCollectionView<Map<String, Long>> costs) {
    this.windower = windower;
    this.costs = costs;
  }

  /** @param costs Claude session id to cost in micro-dollars, for sessions that have one */
  public static BuildSamples with(SampleWindower windower, PCollectionView<Map<String, Long>> costs) {
    return new BuildSamples(windower, costs);
  }

  @Override
  public PCollectionTuple expand(PCollection<TaggedConversation> tagged) {
    return tagged.apply(
        "CutWindows",
        ParDo.of(new BuildSamplesFn(windower, costs))
            .withSideInputs(costs)
            .withOutputTags(SAMPLES, TupleTagList.of(STATS)));
  }

  private static final class BuildSamplesFn extends DoFn<TaggedConversation, Sample> {
    private final Counter built = Metrics.counter("gt-trainset", "samples_built");
    private final SampleWindower windower;
    private final PCollectionView<Map<String, Long>> costs;
    private final ReadOnce<Map<String, Long>> costBySession = new ReadOnce<>();

    BuildSamplesFn(SampleWindower windower, PCollectionView<Map<String, Long>> costs) {
      this.windower = windower;
      this.costs = costs;
    }

    @ProcessElement
    public void process(
        @Element TaggedConversation tagged, ProcessContext context, MultiOutputReceiver out) {
      Counters counters = new Counters();
      long cost = costBySession.get(() -> context.sideInput(costs)).getOrDefault(tagged.conversation().sessionId(), Sample.NO_COST);
      List<Sample> samples = windower.windows(tagged.conversation(), tagged.role(), cost, counters);
      samples.forEach(out.get(SAMPLES)::output);
      counters.add(StatKeys.SAMPLES_BUILT, samples.size());
      counters.add(StatKeys.role(tagged.role().role().id(), "samples_built"), samples.size());
      counters.forEach((key, count) -> out.get(STATS).output(KV.of(key, count)));
      built.inc(samples.size());
    }
  }
}
