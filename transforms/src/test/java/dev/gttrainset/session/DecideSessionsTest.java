package dev.gttrainset.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.SessionDecision;
import dev.gttrainset.role.TownLayout;
import dev.gttrainset.testing.TestPipelineExtension;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** These lines of a town in, one decision per session out: role, cost and outcome together. */
@ExtendWith(TestPipelineExtension.class)
class DecideSessionsTest {
  private static final long MINUTE = 60_000L;
  private static final String ROOT = "/home/ubuntu/gt";

  private static ConversationFacts main(String id, String cwd, long first, long last) {
    return ConversationFacts.create(id, "0", true, cwd, "", "", first, last, 0, 0, 0, List.of());
  }

  private static GtRecord cost(String tmux, String role, String rig, String worker, double usd, long at) {
    return GtRecord.builder(GtRecord.COSTS, "cost")
        .setGtSession(tmux).setRole(role).setRig(rig).setWorker(worker)
        .setCostMicros(Math.round(usd * 1e6)).setTimestampMillis(at).build();
  }

  @Test
  void aDogABootAndAPolecatOfToday(TestPipeline pipeline) {
    PCollection<ConversationFacts> facts =
        pipeline.apply(
            "Facts",
            Create.of(
                main("dog-1", ROOT + "/deacon/dogs/alpha", 0, 30 * MINUTE),
                main("boot-1", ROOT + "/deacon/dogs/boot", 0, 2 * MINUTE),
                main("toast-1", ROOT + "/gastown/polecats/toast", 0, 60 * MINUTE),
                main("toast-2", ROOT + "/gastown/polecats/toast", 61 * MINUTE, 90 * MINUTE)));
    PCollection<GtRecord> records =
        pipeline.apply(
            "Records",
            Create.of(
                // A stop-hook line after every turn, each the session's cost so far; dogs are billed unknown.
                cost("hq-dog-alpha", "unknown", "", "", 0.10, 10 * MINUTE),
                cost("hq-dog-alpha", "unknown", "", "", 0.25, 30 * MINUTE),
                cost("hq-boot", "boot", "", "boot", 0.05, 2 * MINUTE),
                cost("gt-toast", "polecat", "gastown", "toast", 0.40, 20 * MINUTE),
                cost("gt-toast", "polecat", "gastown", "toast", 0.90, 60 * MINUTE),
                // The next session starts from nothing again: its first line is not the last one's.
                cost("gt-toast", "polecat", "gastown", "toast", 0.07, 62 * MINUTE),
                GtRecord.builder(GtRecord.EVENTS, "done").setActor("gastown/polecats/toast")
                    .setBranch("polecat/toast-gt-abc").setTimestampMillis(59 * MINUTE).build(),
                GtRecord.builder(GtRecord.BEADS, "merge_request").setBranch("polecat/toast-gt-abc").setWorker("toast")
                    .setRig("gastown").setReason("merged").setStatus("closed").setTimestampMillis(59 * MINUTE).build()));
    PCollectionTuple decided =
        facts.apply(DecideSessions.from(records, List.of(TownLayout.rootHint(ROOT), TownLayout.prefixHint("gt", "gastown"))));

    PAssert.that(decided.get(DecideSessions.DECISIONS))
        .satisfies(
            all -> {
              Map<String, SessionDecision> bySession = new TreeMap<>();
              for (KV<String, SessionDecision> d : all) {
                bySession.put(d.getKey(), d.getValue());
              }
              assertEquals(GtRole.DOG, bySession.get("dog-1").role().role());
              assertEquals("alpha", bySession.get("dog-1").role().worker());
              assertEquals(250_000L, bySession.get("dog-1").costMicros());
              assertEquals(GtRole.BOOT, bySession.get("boot-1").role().role());
              assertEquals(50_000L, bySession.get("boot-1").costMicros());
              assertEquals(900_000L, bySession.get("toast-1").costMicros());
              assertEquals("beads:merge_request:merged", bySession.get("toast-1").outcome().outcomeSignal());
              assertEquals(70_000L, bySession.get("toast-2").costMicros());
              assertEquals("", bySession.get("toast-2").outcome().outcomeSignal());
              assertEquals(4, bySession.size());
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aSessionWithoutCostLinesHasNoCost(TestPipeline pipeline) {
    PCollectionTuple decided =
        pipeline
            .apply("Facts", Create.of(main("mayor-1", ROOT + "/mayor", 0, MINUTE)))
            .apply(DecideSessions.from(pipeline.apply("None", Create.empty(GtRecord.GtRecordCoder.of())), List.of(TownLayout.rootHint(ROOT))));
    PAssert.that(decided.get(DecideSessions.DECISIONS))
        .satisfies(
            all -> {
              SessionDecision mayor = all.iterator().next().getValue();
              assertEquals(GtRole.MAYOR, mayor.role().role());
              assertEquals(Sample.NO_COST, mayor.costMicros());
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
