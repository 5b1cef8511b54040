package dev.gttrainset.cost;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.TaggedConversation;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.TestPipelineExtension;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class MatchCostsTest {
  private static TaggedConversation session(String id, String agent, RoleTag role, long first, long last) {
    Conversation conversation =
        Conversation.builder()
            .setSessionId(id)
            .setAgentId(agent)
            .setSourceFile(id + agent + ".jsonl")
            .setFirstTimestampMillis(first)
            .setLastTimestampMillis(last)
            .setMessages(List.of(ChatMessage.user("hi", first)))
            .build();
    return TaggedConversation.create(conversation, role);
  }

  private static GtRecord cost(String session, String role, String worker, long micros, long at) {
    return GtRecord.builder(GtRecord.COSTS, "cost")
        .setActor(session)
        .setRole(role)
        .setWorker(worker)
        .setCostMicros(micros)
        .setTimestampMillis(at)
        .build();
  }

  @Test
  void joinsOnRoleAndWorkerThenTime(TestPipeline pipeline) {
    RoleTag joe = RoleTag.create(GtRole.CREW, "gastown", "joe", "cwd");
    RoleTag ann = RoleTag.create(GtRole.CREW, "gastown", "ann", "cwd");
    PCollectionTuple costs =
        pipeline
            .apply(
                "Sessions",
                Create.of(
                    session("joe-1", "", joe, 0, 1_000_000),
                    session("joe-1", "agent", joe, 0, 1_000_000),
                    session("ann-1", "", ann, 0, 1_000_000)))
            .apply(
                MatchCosts.from(
                    pipeline.apply(
                        "Costs",
                        Create.of(
                            cost("gt-gastown-crew-joe", "crew", "joe", 500_000, 1_000_000),
                            cost("gt-gastown-crew-ann", "crew", "ann", 700_000, 990_000),
                            cost("gt-gastown-crew-bob", "crew", "bob", 100_000, 990_000)))));

    PAssert.that(costs.get(MatchCosts.COSTS))
        .containsInAnyOrder(List.of(KV.of("joe-1", 500_000L), KV.of("ann-1", 700_000L)));
    PAssert.that(costs.get(MatchCosts.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(List.of(
            KV.of(StatKeys.COSTS_MATCHED, 2L),
            KV.of(StatKeys.COSTS_UNMATCHED, 1L),
            KV.of(StatKeys.COSTS_SESSIONS, 2L),
            KV.of(StatKeys.role("crew", "cost_micros"), 1_200_000L)));
    pipeline.run().waitUntilFinish();
  }
}
