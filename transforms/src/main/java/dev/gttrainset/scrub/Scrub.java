package dev.gttrainset.scrub;

import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.Sample;
import dev.gttrainset.sample.ContentHash;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Scrubs samples (then hashes them, so deduplication sees scrubbed text) and dead letters, counting
 * replacements by rule.
 */
public final class Scrub {
  public static final TupleTag<Sample> SAMPLES = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private Scrub() {}

  public static Samples samples(Scrubber scrubber) {
    return new Samples(new SampleScrubber(scrubber));
  }

  public static DeadLetters deadLetters(Scrubber scrubber) {
    return new DeadLetters(new SampleScrubber(scrubber));
  }

  /** Samples in, scrubbed and hashed samples out ({@link #SAMPLES}, {@link #STATS}). */
  public static final class Samples extends PTransform<PCollection<Sample>, PCollectionTuple> {
    private final SampleScrubber scrubber;

    private Samples(SampleScrubber scrubber) {
      this.scrubber = scrubber;
    }

    @Override
    public PCollectionTuple expand(PCollection<Sample> samples) {
      return samples.apply(
          "ScrubAndHash",
          ParDo.of(new ScrubSampleFn(scrubber)).withOutputTags(SAMPLES, TupleTagList.of(STATS)));
    }
  }

  /** Dead letters in, with scrubbed excerpts out ({@link #DEAD_LETTERS}, {@link #STATS}). */
  public static final class DeadLetters extends PTransform<PCollection<DeadLetter>, PCollectionTuple> {
    private final SampleScrubber scrubber;

    private DeadLetters(SampleScrubber scrubber) {
      this.scrubber = scrubber;
    }

    @Override
    public PCollectionTuple expand(PCollection<DeadLetter> deadLetters) {
      return deadLetters.apply(
          "ScrubExcerpts",
          ParDo.of(new ScrubDeadLetterFn(scrubber))
              .withOutputTags(DEAD_LETTERS, TupleTagList.of(STATS)));
    }
  }

  private static final class ScrubSampleFn extends DoFn<Sample, Sample> {
    private final SampleScrubber scrubber;

    ScrubSampleFn(SampleScrubber scrubber) {
      this.scrubber = scrubber;
    }

    @ProcessElement
    public void process(@Element Sample sample, MultiOutputReceiver out) {
      Sample scrubbed = scrubber.scrub(sample);
      out.get(SAMPLES)
          .output(scrubbed.toBuilder().setContentSha256(ContentHash.of(scrubbed)).build());
      String role = scrubbed.role().role().id();
      scrubbed
          .redactions()
          .forEach(
              (rule, count) -> {
                out.get(STATS).output(KV.of(StatKeys.redactions(rule), count));
                out.get(STATS).output(KV.of(StatKeys.role(role, "redactions"), count));
              });
    }
  }

  private static final class ScrubDeadLetterFn extends DoFn<DeadLetter, DeadLetter> {
    private final SampleScrubber scrubber;

    ScrubDeadLetterFn(SampleScrubber scrubber) {
      this.scrubber = scrubber;
    }

    @ProcessElement
    public void process(@Element DeadLetter deadLetter, MultiOutputReceiver out) {
      Counters redactions = new Counters();
      out.get(DEAD_LETTERS).output(scrubber.scrub(deadLetter, redactions));
      redactions.forEach((rule, count) -> out.get(STATS).output(KV.of(StatKeys.redactions(rule), count)));
    }
  }
}
