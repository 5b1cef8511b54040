package dev.gttrainset.cost;

import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.role.TownLayout;
import dev.gttrainset.sideinput.ReadOnce;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Gives sessions their cost from {@code costs.jsonl}. Each cost record finds its session among the
 * tagged main conversations of its role and worker ({@link AgentSessions}, built once per worker from
 * side inputs); the latest record of each session is its cost.
 */
public final class MatchCosts extends PTransform<PCollection<ConversationFacts>, PCollectionTuple> {
  /** Claude session id to its cost in micro-dollars; all in one bundle, for a cheap map view. */
  public static final TupleTag<KV<String, Long>> COSTS = new TupleTag<>() {};

  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private static final TupleTag<KV<String, GtRecord>> MATCHED = new TupleTag<>() {};

  private final PCollection<GtRecord> gtRecords;
  private final PCollectionView<Map<String, RoleTag>> roles;
  private final PCollectionView<TownLayout> layout;

  private MatchCosts(
      PCollection<GtRecord> gtRecords, PCollectionView<Map<String, RoleTag>> roles, PCollectionView<TownLayout> layout) {
    this.gtRecords = gtRecords;
    this.roles = roles;
    this.layout = layout;
  }

  /**
   * @param roles every session's role, as {@code TagRoles} decided
   * @param layout the town's rigs and prefixes, which read the records' session names
   */
  public static MatchCosts from(
      PCollection<GtRecord> gtRecords, PCollectionView<Map<String, RoleTag>> roles, PCollectionView<TownLayout> layout) {
    return new MatchCosts(gtRecords, roles, layout);
  }

  @Override
  public PCollectionTuple expand(PCollection<ConversationFacts> facts) {
    PCollectionView<List<ConversationFacts>> mainConversations =
        facts
            .apply("MainConversations", Filter.by(ConversationFacts::isMain))
            .apply("MainConversationsView", View.asList());
    PCollectionTuple matched =
        gtRecords
            .apply("CostRecords", Filter.by(r -> r.source().equals(GtRecord.COSTS)))
            .apply(
                "SessionOfEachRecord",
                ParDo.of(new SessionOfRecordFn(mainConversations, roles, layout))
                    .withSideInputs(mainConversations, roles, layout)
                    .withOutputTags(MATCHED, TupleTagList.of(STATS)));
    PCollectionTuple costs =
        matched
            .get(MATCHED)
            .setCoder(KvCoder.of(StringUtf8Coder.of(), gtRecords.getCoder()))
            .apply("LatestRecordOfEachSession", Combine.globally(new LatestPerSessionFn()))
            .apply(
                "CostOfEachSession",
                ParDo.of(new CostsFn(roles)).withSideInputs(roles).withOutputTags(COSTS, TupleTagList.of(STATS)));
    PCollection<KV<String, Long>> stats =
        PCollectionList.of(matched.get(STATS)).and(costs.get(STATS)).apply("CostStats", Flatten.pCollections());
    return PCollectionTuple.of(COSTS, costs.get(COSTS)).and(STATS, stats);
  }

  /** Pairs each cost record with the session it was written for, if any. */
  private static final class SessionOfRecordFn extends DoFn<GtRecord, KV<String, GtRecord>> {
    private final PCollectionView<List<ConversationFacts>> mainConversations;
    private final PCollectionView<Map<String, RoleTag>> roles;
    private final PCollectionView<TownLayout> layout;
    private final ReadOnce<AgentSessions> matcher = new ReadOnce<>();
    private final ReadOnce<TownLayout> town = new ReadOnce<>();

    SessionOfRecordFn(
        PCollectionView<List<ConversationFacts>> mainConversations,
        PCollectionView<Map<String, RoleTag>> roles,
        PCollectionView<TownLayout> layout) {
      this.mainConversations = mainConversations;
      this.roles = roles;
      this.layout = layout;
    }

    @ProcessElement
    public void process(@Element GtRecord cost, ProcessContext context, MultiOutputReceiver out) {
      Optional<SessionSpan> session =
          matcher.get(() -> index(context)).sessionOf(cost, town.get(() -> context.sideInput(layout)));
      if (session.isPresent()) {
        out.get(MATCHED).output(KV.of(session.get().sessionId(), cost));
        out.get(STATS).output(KV.of(StatKeys.COSTS_MATCHED, 1L));
      } else {
        out.get(STATS).output(KV.of(StatKeys.COSTS_UNMATCHED, 1L));
      }
    }

    /** The tagged main conversations, indexed by role and worker. */
    private AgentSessions index(ProcessContext context) {
      Map<String, RoleTag> role = context.sideInput(roles);
      List<SessionSpan> spans = new ArrayList<>();
      for (ConversationFacts main : context.sideInput(mainConversations)) {
        RoleTag tag = role.getOrDefault(main.sessionId(), RoleTag.unknown());
        spans.add(SessionSpan.create(main.sessionId(), tag, main.firstTimestampMillis(), main.lastTimestampMillis()));
      }
      return new AgentSessions(spans);
    }
  }

  /** Each session's latest record, in one sorted map. */
  private static final class LatestPerSessionFn
      extends Combine.CombineFn<KV<String, GtRecord>, Map<String, GtRecord>, Map<String, GtRecord>> {
    @Override
    public Map<String, GtRecord> createAccumulator() {
      return new TreeMap<>();
    }

    @Override
    public Map<String, GtRecord> addInput(Map<String, GtRecord> latest, KV<String, GtRecord> record) {
      latest.merge(record.getKey(), record.getValue(), MatchCosts::later);
      return latest;
    }

    @Override
    public Map<String, GtRecord> mergeAccumulators(Iterable<Map<String, GtRecord>> accumulators) {
      Map<String, GtRecord> merged = new TreeMap<>();
      accumulators.forEach(latest -> latest.forEach((session, record) -> merged.merge(session, record, MatchCosts::later)));
      return merged;
    }

    @Override
    public Map<String, GtRecord> extractOutput(Map<String, GtRecord> latest) {
      return latest;
    }

    @Override
    public Coder<Map<String, GtRecord>> getAccumulatorCoder(
        CoderRegistry registry, Coder<KV<String, GtRecord>> input) {
      return MapCoder.of(StringUtf8Coder.of(), ((KvCoder<String, GtRecord>) input).getValueCoder());
    }
  }

  private static GtRecord later(GtRecord a, GtRecord b) {
    return AgentSessions.LATEST.compare(a, b) >= 0 ? a : b;
  }

  /** The sessions' costs, each with its role's total. */
  private static final class CostsFn extends DoFn<Map<String, GtRecord>, KV<String, Long>> {
    private final PCollectionView<Map<String, RoleTag>> roles;

    CostsFn(PCollectionView<Map<String, RoleTag>> roles) {
      this.roles = roles;
    }

    @ProcessElement
    public void process(@Element Map<String, GtRecord> latest, ProcessContext context, MultiOutputReceiver out) {
      Map<String, RoleTag> role = context.sideInput(roles);
      Counters counters = new Counters();
      // Present even when there were no records: the report says so rather than staying silent.
      counters.add(StatKeys.COSTS_MATCHED, 0);
      counters.add(StatKeys.COSTS_UNMATCHED, 0);
      latest.forEach(
          (session, record) -> {
            out.get(COSTS).output(KV.of(session, record.costMicros()));
            counters.add(StatKeys.role(role.getOrDefault(session, RoleTag.unknown()).role().id(), "cost_micros"), record.costMicros());
            counters.increment(StatKeys.COSTS_SESSIONS);
          });
      counters.forEach((key, count) -> out.get(STATS).output(KV.of(key, count)));
    }
  }
}
