package dev.gttrainset.session;

import dev.gttrainset.cost.MatchCosts;
import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.SessionDecision;
import dev.gttrainset.model.SessionOutcome;
import dev.gttrainset.outcome.MatchOutcomes;
import dev.gttrainset.role.TagRoles;
import dev.gttrainset.role.TownLayout;
import dev.gttrainset.stats.Ledger;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.transforms.join.CoGbkResult;
import org.apache.beam.sdk.transforms.join.CoGroupByKey;
import org.apache.beam.sdk.transforms.join.KeyedPCollectionTuple;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;

/**
 * Decides every session once: what the town knows about it (its role and the signal that decided
 * it, rig and worker; its cost; what became of its work) gathered into one {@link
 * SessionDecision} per Claude session, for one join with its conversations. The town's layout is
 * learned once and read by all three: role from paths and addresses ({@link TagRoles}), cost from
 * the session's last cost line ({@link MatchCosts}), outcome from the verdicts and logs ({@link
 * MatchOutcomes}); those stay plain, tested classes behind thin transforms.
 */
public final class DecideSessions extends PTransform<PCollection<ConversationFacts>, PCollectionTuple> {
  /** Claude session id to what was decided about it, one per session. */
  public static final TupleTag<KV<String, SessionDecision>> DECISIONS = new TupleTag<>() {};

  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private static final TupleTag<KV<String, RoleTag>> ROLE = new TupleTag<>() {};
  private static final TupleTag<KV<String, Long>> COST = new TupleTag<>() {};
  private static final TupleTag<KV<String, SessionOutcome>> OUTCOME = new TupleTag<>() {};

  /** Enough keys to spread the decisions over a cluster's workers, few enough for the DirectRunner. */
  private static final int BUCKETS = 64;

  private final PCollection<GtRecord> gtRecords;
  private final List<String> layoutHints;

  private DecideSessions(PCollection<GtRecord> gtRecords, List<String> layoutHints) {
    this.gtRecords = gtRecords;
    this.layoutHints = layoutHints;
  }

  /**
   * @param gtRecords every Gas Town record: events, costs, telemetry, beads
   * @param layoutHints what is known of the town before reading ({@link TownLayout} hints)
   */
  public static DecideSessions from(PCollection<GtRecord> gtRecords, List<String> layoutHints) {
    return new DecideSessions(gtRecords, List.copyOf(layoutHints));
  }

  @Override
  public PCollectionTuple expand(PCollection<ConversationFacts> facts) {
    PCollectionView<TownLayout> layout = TagRoles.learnLayout(gtRecords, layoutHints);
    PCollectionTuple roles = facts.apply("TagRoles", TagRoles.using(gtRecords, layout));
    PCollectionView<Map<String, RoleTag>> roleBySession = roles.get(TagRoles.ROLES).apply("RoleBySession", View.asMap());
    PCollectionTuple costs = facts.apply("MatchCosts", MatchCosts.from(gtRecords, roleBySession, layout));
    PCollectionTuple outcomes = facts.apply("MatchOutcomes", MatchOutcomes.from(gtRecords, roleBySession, layout));
    // Keyed by bucket rather than by session: the DirectRunner makes a bundle of every key of a
    // GroupByKey, and each of them a bundle of every later step (1,099 sessions gave 10,000 bundles
    // and kept the steps waiting on the decisions re-reading their side inputs for each).
    PCollection<KV<String, SessionDecision>> decisions =
        KeyedPCollectionTuple.of(ROLE, roles.get(TagRoles.ROLES).apply("RolesInBuckets", InBuckets.of(BUCKETS)))
            .and(COST, costs.get(MatchCosts.COSTS).apply("CostsInBuckets", InBuckets.of(BUCKETS)))
            .and(OUTCOME, outcomes.get(MatchOutcomes.OUTCOMES).apply("OutcomesInBuckets", InBuckets.of(BUCKETS)))
            .apply("GatherEachSession", CoGroupByKey.create())
            .apply("DecideEach", ParDo.of(new DecideFn()));
    PCollection<KV<String, Long>> stats =
        PCollectionList.of(roles.get(TagRoles.STATS))
            .and(costs.get(MatchCosts.STATS))
            .and(outcomes.get(MatchOutcomes.STATS))
            .and(gtRecords.apply("SourceCoverage", SourceCoverage.of()))
            .apply("SessionStats", Flatten.pCollections());
    return PCollectionTuple.of(DECISIONS, decisions).and(STATS, stats);
  }

  /** Each session's role, cost and outcome as one value; every session has a role, some the rest. */
  private static final class DecideFn extends DoFn<KV<Integer, CoGbkResult>, KV<String, SessionDecision>> {
    @ProcessElement
    public void process(@Element KV<Integer, CoGbkResult> bucket, OutputReceiver<KV<String, SessionDecision>> out) {
      CoGbkResult found = bucket.getValue();
      Map<String, RoleTag> roles = InBuckets.bySession(found.getAll(ROLE));
      Map<String, Long> costs = InBuckets.bySession(found.getAll(COST));
      Map<String, SessionOutcome> outcomes = InBuckets.bySession(found.getAll(OUTCOME));
      // Costs and outcomes are only ever found for tagged sessions.
      for (Map<String, ?> part : List.of(costs, outcomes)) {
        for (String session : part.keySet()) {
          if (!roles.containsKey(session)) {
            throw new IllegalStateException("no role decided for session " + session);
          }
        }
      }
      SessionOutcome none = SessionOutcome.builder().build();
      roles.forEach(
          (session, role) ->
              out.output(
                  KV.of(session, SessionDecision.create(role, costs.getOrDefault(session, Sample.NO_COST), outcomes.getOrDefault(session, none)))));
    }
  }
}
