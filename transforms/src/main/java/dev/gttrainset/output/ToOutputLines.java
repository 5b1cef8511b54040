package dev.gttrainset.output;

import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.OutputLine;
import dev.gttrainset.model.Sample;
import dev.gttrainset.outcome.OutcomeRules;
import dev.gttrainset.sample.TrainValSplit;
import dev.gttrainset.stats.StatKeys;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * Turns what the job keeps into lines of named output files: samples into {@code
 * <role>_<split>}, rejects into {@code rejects}, dead letters into {@code dead_letters}.
 */
public final class ToOutputLines {
  public static final TupleTag<OutputLine> LINES = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  public static final String REJECTS_FILE = "rejects";
  public static final String DEAD_LETTERS_FILE = "dead_letters";

  private ToOutputLines() {}

  /** Splits samples into train and validation and renders them; counts what is written. */
  public static PTransform<PCollection<Sample>, PCollectionTuple> samples(
      TrainValSplit split, Records records) {
    return new PTransform<>("SplitAndRender") {
      @Override
      public PCollectionTuple expand(PCollection<Sample> samples) {
        return samples.apply(
            "SplitAndRender",
            ParDo.of(new RenderSampleFn(split, records)).withOutputTags(LINES, TupleTagList.of(STATS)));
      }
    };
  }

  /** Rejects carry the split their session has, so a reader can tell where they would be. */
  public static MapElements<KV<String, Sample>, OutputLine> rejects(TrainValSplit split, Records records) {
    return MapElements.into(TypeDescriptor.of(OutputLine.class))
        .via(
            (KV<String, Sample> reject) -> {
              Sample sample = reject.getValue().toBuilder().setSplit(split.of(reject.getValue().sessionId())).build();
              return OutputLine.create(REJECTS_FILE, sample.orderKey(), records.reject(reject.getKey(), sample));
            });
  }

  public static MapElements<DeadLetter, OutputLine> deadLetters() {
    return MapElements.into(TypeDescriptor.of(OutputLine.class))
        .via(
            (DeadLetter d) ->
                OutputLine.create(
                    DEAD_LETTERS_FILE,
                    String.format("%s\u0000%s\u0000%012d\u0000%s", d.source(), d.file(), d.line(), d.reason()),
                    Records.deadLetter(d)));
  }

  /** The file a sample goes to, e.g. {@code mayor_train}. */
  public static String fileOf(Sample sample) {
    return sample.role().role().id() + "_" + sample.split();
  }

  private static final class RenderSampleFn extends DoFn<Sample, OutputLine> {
    private final Counter written = Metrics.counter("gt-trainset", "samples_written");
    private final TrainValSplit split;
    private final Records records;

    RenderSampleFn(TrainValSplit split, Records records) {
      this.split = split;
      this.records = records;
    }

    @ProcessElement
    public void process(@Element Sample sample, MultiOutputReceiver out) {
      Sample placed = sample.toBuilder().setSplit(split.of(sample.sessionId())).build();
      out.get(LINES).output(OutputLine.create(fileOf(placed), placed.orderKey(), records.sample(placed)));
      String role = placed.role().role().id();
      out.get(STATS).output(KV.of(StatKeys.SAMPLES_WRITTEN, 1L));
      out.get(STATS).output(KV.of(StatKeys.role(role, "samples"), 1L));
      out.get(STATS).output(KV.of(StatKeys.role(role, placed.split()), 1L));
      out.get(STATS).output(KV.of(StatKeys.scoreBin(role, OutcomeRules.score(placed.scoreComponents())), 1L));
      written.inc();
    }
  }
}
