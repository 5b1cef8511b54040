package dev.gttrainset.cost;

import static dev.gttrainset.cost.AgentSessionsTest.cost;

import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.role.TownLayout;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.TestPipelineExtension;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class MatchCostsTest {
  private static ConversationFacts session(String id, String agent, long first, long last) {
    return ConversationFacts.create(id, (agent.isEmpty() ? "0" : "1") + agent, agent.isEmpty(), "", "", "", first, last, 0, 0, 0, List.of());
  }

  @Test
  void joinsOnRoleAndWorkerThenTime(TestPipeline pipeline) {
    RoleTag joe = RoleTag.create(GtRole.CREW, "gastown", "joe", "cwd");
    RoleTag ann = RoleTag.create(GtRole.CREW, "gastown", "ann", "cwd");
    PCollectionView<Map<String, RoleTag>> roles =
        pipeline
            .apply("Roles", Create.of(KV.of("joe-1", joe), KV.of("ann-1", ann)))
            .apply("RoleView", View.asMap());
    PCollectionTuple costs =
        pipeline
            .apply(
                "Sessions",
                Create.of(
                    session("joe-1", "", 0, 1_000_000),
                    session("joe-1", "agent", 0, 1_000_000),
                    session("ann-1", "", 0, 1_000_000)))
            .apply(
                MatchCosts.from(
                    pipeline.apply(
                        "Costs",
                        Create.of(
                            cost("gt-gastown-crew-joe", "crew", "joe", 400_000, 900_000),
                            cost("gt-gastown-crew-joe", "crew", "joe", 500_000, 1_000_000),
                            cost("gt-gastown-crew-ann", "crew", "ann", 700_000, 990_000),
                            cost("gt-gastown-crew-bob", "crew", "bob", 100_000, 990_000))),
                    roles,
                    pipeline.apply("Layout", Create.of(TownLayout.create(List.of(), List.of("gastown")))).apply("LayoutView", View.asSingleton())));

    PAssert.that(costs.get(MatchCosts.COSTS))
        .containsInAnyOrder(List.of(KV.of("joe-1", 500_000L), KV.of("ann-1", 700_000L)));
    PAssert.that(costs.get(MatchCosts.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(List.of(
            KV.of(StatKeys.COSTS_MATCHED, 3L),
            KV.of(StatKeys.COSTS_UNMATCHED, 1L),
            KV.of(StatKeys.COSTS_SESSIONS, 2L),
            KV.of(StatKeys.role("crew", "cost_micros"), 1_200_000L)));
    pipeline.run().waitUntilFinish();
  }
}
