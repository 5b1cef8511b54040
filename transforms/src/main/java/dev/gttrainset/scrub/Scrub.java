package dev.gttrainset.scrub;

import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.Sample;
import dev.gttrainset.sideinput.ReadOnce;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.CountingFn;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import java.util.Map;
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

  /** Samples in, scrubbed samples out ({@link #SAMPLES}, {@link #STATS}). */
  public static PTransform<PCollection<Sample>, PCollectionTuple> samples(
      Scrubber scrubber, PCollectionView<Map<String, String>> people) {
    return scrubbing("ScrubSamples", new ScrubSampleFn(scrubber, people), SAMPLES, people);
  }

  /** Dead letters in, with scrubbed excerpts out ({@link #DEAD_LETTERS}, {@link #STATS}). */
  public static PTransform<PCollection<DeadLetter>, PCollectionTuple> deadLetters(
      Scrubber scrubber, PCollectionView<Map<String, String>> people) {
    return scrubbing("ScrubExcerpts", new ScrubDeadLetterFn(scrubber, people), DEAD_LETTERS, people);
  }

  private static <T> PTransform<PCollection<T>, PCollectionTuple> scrubbing(
      String name, ScrubFn<T> fn, TupleTag<T> scrubbed, PCollectionView<Map<String, String>> people) {
    return new PTransform<>() {
      @Override
      public PCollectionTuple expand(PCollection<T> input) {
        return input.apply(name, ParDo.of(fn).withSideInputs(people).withOutputTags(scrubbed, TupleTagList.of(STATS)));
      }
    };
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
