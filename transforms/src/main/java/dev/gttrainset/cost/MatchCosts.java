package dev.gttrainset.cost;

import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.TaggedConversation;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * Gives tagged sessions their cost from {@code costs.jsonl}: sessions and cost records meet on
 * role and worker (CoGroupByKey), then {@link CostMatcher} pairs them by time.
 */
public final class MatchCosts extends PTransform<PCollection<TaggedConversation>, PCollectionTuple> {
  /** Claude session id to its cost in micro-dollars. */
  public static final TupleTag<KV<String, Long>> COSTS = new TupleTag<>() {};

  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private static final TupleTag<SessionSpan> SPANS = new TupleTag<>() {};
  private static final TupleTag<GtRecord> RECORDS = new TupleTag<>() {};

  private final PCollection<GtRecord> gtRecords;

  private MatchCosts(PCollection<GtRecord> gtRecords) {
    this.gtRecords = gtRecords;
  }

  public static MatchCosts from(PCollection<GtRecord> gtRecords) {
    return new MatchCosts(gtRecords);
  }

  @Override
  public PCollectionTuple expand(PCollection<TaggedConversation> tagged) {
    PCollection<KV<String, SessionSpan>> spans =
        tagged
            .apply("MainConversations", Filter.by(t -> t.conversation().isMain()))
            .apply(
                "SessionSpans",
                MapElements.into(
                        TypeDescriptors.kvs(
                            TypeDescriptors.strings(), TypeDescriptor.of(SessionSpan.class)))
                    .via(
                        t ->
                            KV.of(
                                CostMatcher.keyOf(t.role()),
                                SessionSpan.create(
                                    t.conversation().sessionId(),
                                    t.role().role(),
                                    t.role().rig(),
                                    t.conversation().firstTimestampMillis(),
                                    t.conversation().lastTimestampMillis()))));
    PCollection<KV<String, GtRecord>> costs =
        gtRecords
            .apply("CostRecords", Filter.by(r -> r.source().equals(GtRecord.COSTS)))
            .apply(
                "KeyCostsByRoleAndWorker",
                WithKeys.of((GtRecord r) -> CostMatcher.keyOf(r))
                    .withKeyType(TypeDescriptors.strings()));
    return KeyedPCollectionTuple.of(SPANS, spans)
        .and(RECORDS, costs)
        .apply("JoinCostsToSessions", CoGroupByKey.create())
        .apply(
            "MatchCostsByTime",
            ParDo.of(new MatchCostsFn()).withOutputTags(COSTS, TupleTagList.of(STATS)));
  }

  private static final class MatchCostsFn extends DoFn<KV<String, CoGbkResult>, KV<String, Long>> {
    @ProcessElement
    public void process(@Element KV<String, CoGbkResult> group, MultiOutputReceiver out) {
      List<SessionSpan> sessions = new ArrayList<>();
      group.getValue().getAll(SPANS).forEach(sessions::add);
      List<GtRecord> costs = new ArrayList<>();
      group.getValue().getAll(RECORDS).forEach(costs::add);
      if (costs.isEmpty()) {
        return;
      }
      CostMatcher.Result result = CostMatcher.match(sessions, costs);
      Map<String, GtRole> roles = new HashMap<>();
      sessions.forEach(s -> roles.put(s.sessionId(), s.role()));
      result
          .costBySession()
          .forEach(
              (session, micros) -> {
                out.get(COSTS).output(KV.of(session, micros));
                out.get(STATS).output(KV.of(StatKeys.role(roles.get(session).id(), "cost_micros"), micros));
                out.get(STATS).output(KV.of(StatKeys.COSTS_SESSIONS, 1L));
              });
      out.get(STATS).output(KV.of(StatKeys.COSTS_MATCHED, result.matchedRecords()));
      out.get(STATS).output(KV.of(StatKeys.COSTS_UNMATCHED, result.unmatchedRecords()));
    }
  }
}
