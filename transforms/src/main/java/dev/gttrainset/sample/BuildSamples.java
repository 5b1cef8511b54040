package dev.gttrainset.sample;

import dev.gttrainset.model.Sample;
import dev.gttrainset.model.SessionDecision;
import dev.gttrainset.outcome.ScoreSamples;
import dev.gttrainset.model.TaggedConversation;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import java.util.List;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Cuts every tagged conversation into training windows ({@link SampleWindower}), each with its
 * session's cost and its session's part of the score.
 */
public final class BuildSamples extends PTransform<PCollection<TaggedConversation>, PCollectionTuple> {
  public static final TupleTag<Sample> SAMPLES = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private final SampleWindower windower;
  private final TrainValSplit split;

  private BuildSamples(SampleWindower windower, TrainValSplit split) {
    this.windower = windower;
    this.split = split;
  }

  /** @param split the side of each session, decided here once and carried by its samples */
  public static BuildSamples with(SampleWindower windower, TrainValSplit split) {
    return new BuildSamples(windower, split);
  }

  @Override
  public PCollectionTuple expand(PCollection<TaggedConversation> tagged) {
    return tagged.apply(
        "CutWindows",
        ParDo.of(new BuildSamplesFn(windower, split)).withOutputTags(SAMPLES, TupleTagList.of(STATS)));
  }

  private static final class BuildSamplesFn extends DoFn<TaggedConversation, Sample> {
    private final Counter built = Metrics.counter("gt-trainset", "samples_built");
    private final SampleWindower windower;
    private final TrainValSplit split;

    BuildSamplesFn(SampleWindower windower, TrainValSplit split) {
      this.windower = windower;
      this.split = split;
    }

    @ProcessElement
    public void process(@Element TaggedConversation tagged, MultiOutputReceiver out) {
      Counters counters = new Counters();
      SessionDecision session = tagged.session();
      List<Sample> samples = windower.windows(tagged.conversation(), tagged.role(), session.costMicros(), counters);
      String side = split.of(tagged.conversation().sessionId());
      samples.forEach(
          sample -> out.get(SAMPLES).output(ScoreSamples.withSession(sample.toBuilder().setSplit(side).build(), session.outcome())));
      counters.add(StatKeys.SAMPLES_BUILT, samples.size());
      counters.add(StatKeys.role(tagged.role().role().id(), "samples_built"), samples.size());
      counters.forEach((key, count) -> out.get(STATS).output(KV.of(key, count)));
      built.inc(samples.size());
    }
  }
}
