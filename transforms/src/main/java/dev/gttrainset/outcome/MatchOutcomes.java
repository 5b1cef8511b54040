package dev.gttrainset.outcome;

import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.SessionOutcome;
import dev.gttrainset.role.TownLayout;
import dev.gttrainset.stats.Ledger;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Decides every session's {@link SessionOutcome} ({@link OutcomeIndex}) from the town's signals:
 * the events about work and agents, OpenTelemetry logs, metric series and beads, with the
 * conversations' facts and the sessions' roles. The signals are small; they meet in one place,
 * and the outcomes come out in one bundle, ready for a map view.
 */
public final class MatchOutcomes extends PTransform<PCollection<ConversationFacts>, PCollectionTuple> {
  public static final TupleTag<KV<String, SessionOutcome>> OUTCOMES = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private final PCollection<GtRecord> gtRecords;
  private final PCollectionView<Map<String, RoleTag>> roles;
  private final PCollectionView<TownLayout> layout;

  private MatchOutcomes(
      PCollection<GtRecord> gtRecords, PCollectionView<Map<String, RoleTag>> roles, PCollectionView<TownLayout> layout) {
    this.gtRecords = gtRecords;
    this.roles = roles;
    this.layout = layout;
  }

  public static MatchOutcomes from(
      PCollection<GtRecord> gtRecords, PCollectionView<Map<String, RoleTag>> roles, PCollectionView<TownLayout> layout) {
    return new MatchOutcomes(gtRecords, roles, layout);
  }

  @Override
  public PCollectionTuple expand(PCollection<ConversationFacts> facts) {
    PCollectionView<List<ConversationFacts>> conversations = facts.apply("ConversationsView", View.asList());
    PCollectionView<List<GtRecord>> signals =
        gtRecords
            .apply("Signals", Filter.by(MatchOutcomes::isSignal))
            .apply("SignalsView", View.asList());
    return facts
        .apply("Once", Combine.globally(Count.<ConversationFacts>combineFn()))
        .apply(
            "OutcomeOfEachSession",
            ParDo.of(new OutcomesFn(roles, conversations, signals, layout))
                .withSideInputs(roles, conversations, signals, layout)
                .withOutputTags(OUTCOMES, TupleTagList.of(STATS)));
  }

  static boolean isSignal(GtRecord record) {
    switch (record.source()) {
      case GtRecord.EVENTS:
        // Mail and nudges count when they carry a verdict word; the rest is conversation.
        boolean message = record.type().equals("mail") || record.type().equals("nudge");
        return OutcomeRules.OUTCOME_EVENTS.contains(record.type()) && !(message && record.reason().isEmpty());
      case GtRecord.BEADS:
        return !record.type().equals("message");
      case GtRecord.OTEL_LOGS:
      case GtRecord.METRICS:
        return true;
      default:
        return false;
    }
  }

  /** Runs once, on the count of conversations: every session's outcome, and the counts. */
  private static final class OutcomesFn extends DoFn<Long, KV<String, SessionOutcome>> {
    private final PCollectionView<Map<String, RoleTag>> roles;
    private final PCollectionView<List<ConversationFacts>> conversations;
    private final PCollectionView<List<GtRecord>> signals;
    private final PCollectionView<TownLayout> layout;

    OutcomesFn(
        PCollectionView<Map<String, RoleTag>> roles,
        PCollectionView<List<ConversationFacts>> conversations,
        PCollectionView<List<GtRecord>> signals,
        PCollectionView<TownLayout> layout) {
      this.roles = roles;
      this.conversations = conversations;
      this.signals = signals;
      this.layout = layout;
    }

    @ProcessElement
    public void process(ProcessContext context, MultiOutputReceiver out) {
      OutcomeIndex index =
          new OutcomeIndex(
              context.sideInput(roles), context.sideInput(conversations), context.sideInput(signals), context.sideInput(layout));
      index.outcomes().forEach((session, outcome) -> out.get(OUTCOMES).output(KV.of(session, outcome)));
      index.counters().forEach((key, count) -> out.get(STATS).output(KV.of(key, count)));
    }
  }
}
