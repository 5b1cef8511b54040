package dev.gttrainset.scrub;

import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.Sample;
import dev.gttrainset.sideinput.ReadOnce;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.CountingFn;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import java.util.Map;
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
 * Scrubs samples and dead letters with the rule table plus the people of the sessions (a side
 * input: {@link PeopleInSessions}), counting replacements by rule. Samples are scrubbed whole, before anything is
 * shortened or hashed, so no cut can split a secret and deduplication sees scrubbed text.
 */
public final class Scrub {
  public static final TupleTag<Sample> SAMPLES = new TupleTag<>() {};
  public static final TupleTag<DeadLetter> DEAD_LETTERS = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private Scrub() {}

  public static Samples samples(Scrubber scrubber, PCollectionView<Map<String, String>> people) {
    return new Samples(scrubber, people);
  }

  public static DeadLetters deadLetters(Scrubber scrubber, PCollectionView<Map<String, String>> people) {
    return new DeadLetters(scrubber, people);
  }

  /** Samples in, scrubbed and hashed samples out ({@link #SAMPLES}, {@link #STATS}). */
  public static final class Samples extends PTransform<PCollection<Sample>, PCollectionTuple> {
    private final Scrubber scrubber;
    private final PCollectionView<Map<String, String>> people;

    private Samples(Scrubber scrubber, PCollectionView<Map<String, String>> people) {
      this.scrubber = scrubber;
      this.people = people;
    }

    @Override
    public PCollectionTuple expand(PCollection<Sample> samples) {
      return samples.apply(
          "ScrubSamples",
          ParDo.of(new ScrubSampleFn(scrubber, people))
              .withSideInputs(people)
              .withOutputTags(SAMPLES, TupleTagList.of(STATS)));
    }
  }

  /** Dead letters in, with scrubbed excerpts out ({@link #DEAD_LETTERS}, {@link #STATS}). */
  public static final class DeadLetters extends PTransform<PCollection<DeadLetter>, PCollectionTuple> {
    private final Scrubber scrubber;
    private final PCollectionView<Map<String, String>> people;

    private DeadLetters(Scrubber scrubber, PCollectionView<Map<String, String>> people) {
      this.scrubber = scrubber;
      this.people = people;
    }

    @Override
    public PCollectionTuple expand(PCollection<DeadLetter> deadLetters) {
      return deadLetters.apply(
          "ScrubExcerpts",
          ParDo.of(new ScrubDeadLetterFn(scrubber, people))
              .withSideInputs(people)
              .withOutputTags(DEAD_LETTERS, TupleTagList.of(STATS)));
    }
  }

  /** A DoFn that scrubs with the rules plus the people of its side input, built once. */
  private abstract static class ScrubFn<T> extends CountingFn<T, T> {
    private final Scrubber rules;
    private final PCollectionView<Map<String, String>> people;
    private final ReadOnce<SampleScrubber> scrubber = new ReadOnce<>();

    ScrubFn(Scrubber rules, PCollectionView<Map<String, String>> people) {
      this.rules = rules;
      this.people = people;
    }

    SampleScrubber scrubber(ProcessContext context) {
      return scrubber.get(() -> new SampleScrubber(rules.withPeople(context.sideInput(people))));
    }
  }

  private static final class ScrubSampleFn extends ScrubFn<Sample> {
    ScrubSampleFn(Scrubber rules, PCollectionView<Map<String, String>> people) {
      super(rules, people);
    }

    @ProcessElement
    public void process(@Element Sample sample, ProcessContext context, MultiOutputReceiver out) {
      Sample scrubbed = scrubber(context).scrub(sample);
      out.get(SAMPLES).output(scrubbed);
      String role = scrubbed.role().role().id();
      scrubbed
          .redactions()
          .forEach(
              (rule, count) -> {
                counters().add(StatKeys.redactions(rule), count);
                counters().add(StatKeys.role(role, "redactions"), count);
                counters().add(StatKeys.redactionsByRole(role, rule), count);
              });
    }
  }

  private static final class ScrubDeadLetterFn extends ScrubFn<DeadLetter> {
    ScrubDeadLetterFn(Scrubber rules, PCollectionView<Map<String, String>> people) {
      super(rules, people);
    }

    @ProcessElement
    public void process(@Element DeadLetter deadLetter, ProcessContext context, MultiOutputReceiver out) {
      Counters redactions = new Counters();
      out.get(DEAD_LETTERS).output(scrubber(context).scrub(deadLetter, redactions));
      redactions.forEach((rule, count) -> counters().add(StatKeys.redactions(rule), count));
    }
  }
}
