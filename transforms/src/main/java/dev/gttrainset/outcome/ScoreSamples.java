package dev.gttrainset.outcome;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ScoreComponent;
import dev.gttrainset.model.SessionOutcome;
import dev.gttrainset.parse.GtLogParser;
import dev.gttrainset.stats.CountingFn;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Gives each sample its score components ({@link OutcomeRules}) and the outcome facts behind them:
 * its session's part when it is built ({@link #withSession}), tool errors from its own final tool
 * results here.
 */
public final class ScoreSamples extends PTransform<PCollection<Sample>, PCollectionTuple> {
  public static final TupleTag<Sample> SAMPLES = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private ScoreSamples() {}

  public static ScoreSamples create() {
    return new ScoreSamples();
  }

  @Override
  public PCollectionTuple expand(PCollection<Sample> samples) {
    return samples.apply("ScoreEach", ParDo.of(new ScoreFn()).withOutputTags(SAMPLES, TupleTagList.of(STATS)));
  }

  private static final Pattern BEAD_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern BEAD_STATUS = Pattern.compile("[a-z][a-z_]{0,31}");

  /**
   * A sample given its session's part of the score, when it is built: its session's
   * interruptions, API errors and output tokens, and what the town's signals say became of the
   * session.
   */
  public static Sample withSession(Sample sample, SessionOutcome session) {
    Map<String, ScoreComponent> components = new TreeMap<>(sample.scoreComponents());
    Map<String, String> outcome = new TreeMap<>(sample.outcome());
    Map<String, BigDecimal> numbers = new TreeMap<>(sample.outcomeNumbers());
    numbers.put("interruptions", BigDecimal.valueOf(session.interruptions()));
    numbers.put("api_errors", BigDecimal.valueOf(session.apiErrors()));
    numbers.put("output_tokens", BigDecimal.valueOf(session.outputTokens()));
    long troubles = session.interruptions() + session.apiErrors();
    components.put(
        OutcomeRules.CLEAN_SESSION,
        OutcomeRules.component(OutcomeRules.CLEAN_SESSION, 1 / (1.0 + troubles), "transcript:interruptions_and_api_errors"));
    if (!session.outcomeSignal().isEmpty()) {
      components.put(
          OutcomeRules.OUTCOME, OutcomeRules.component(OutcomeRules.OUTCOME, session.outcomeValue(), session.outcomeSignal()));
      outcome.put("signal", session.outcomeSignal());
    }
    // Samples are scrubbed after they are built: what the logs say of beads is kept only when it
    // is an id or a status word, never free text.
    if (BEAD_ID.matcher(session.bead()).matches()) {
      outcome.put("bead", session.bead());
    }
    if (BEAD_STATUS.matcher(session.beadStatus()).matches()) {
      outcome.put("bead_status", session.beadStatus());
      Double value = OutcomeRules.BEAD_STATUS.get(session.beadStatus());
      if (value != null) {
        components.put(OutcomeRules.BEAD, OutcomeRules.component(OutcomeRules.BEAD, value, "beads:" + session.beadStatus()));
      }
    }
    if (session.metricTokens() != SessionOutcome.NONE) {
      numbers.put("metric_tokens", BigDecimal.valueOf(session.metricTokens()));
    }
    if (session.metricCostMicros() != SessionOutcome.NONE) {
      numbers.put("metric_cost_usd", GtLogParser.dollars(session.metricCostMicros()));
    }
    return sample.toBuilder().setScoreComponents(components).setOutcome(outcome).setOutcomeNumbers(numbers).build();
  }

  /** A sample scored, once it is final: its own tool calls and errors join its session's part. */
  static Sample scored(Sample sample) {
    long calls = 0;
    long errors = 0;
    for (ChatMessage message : sample.messages()) {
      if (message.isTool()) {
        calls++;
        errors += message.toolError() ? 1 : 0;
      }
    }
    Map<String, ScoreComponent> components = new TreeMap<>(sample.scoreComponents());
    Map<String, BigDecimal> numbers = new TreeMap<>(sample.outcomeNumbers());
    numbers.put("tool_calls", BigDecimal.valueOf(calls));
    numbers.put("tool_errors", BigDecimal.valueOf(errors));
    if (calls > 0) {
      components.put(
          OutcomeRules.TOOL_SUCCESS,
          OutcomeRules.component(OutcomeRules.TOOL_SUCCESS, 1 - errors / (double) calls, "transcript:is_error"));
    }
    return sample.toBuilder().setScoreComponents(components).setOutcomeNumbers(numbers).build();
  }

  private static final class ScoreFn extends CountingFn<Sample, Sample> {
    @ProcessElement
    public void process(@Element Sample sample, MultiOutputReceiver out) {
      Sample scored = scored(sample);
      out.get(SAMPLES).output(scored);
      scored.scoreComponents().forEach(
          (name, component) -> counters().increment(StatKeys.scoreComponent(name, component.signal())));
    }
  }
}
