package dev.gttrainset.sample;

import static dev.gttrainset.sample.Messages.answer;
import static dev.gttrainset.sample.Messages.sample;
import static dev.gttrainset.sample.Messages.user;

import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.TestPipelineExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class DropNearDuplicatesTest {
  private static final String PATROL =
      "Patrol done: all %d agents are healthy and nothing needs the mayor. The witness of gastown answered, the "
          + "refinery of beads answered, and the merge queue of wyvern is empty; toast and nux are working their hooks, "
          + "slit is idle, and the last convoy landed an hour ago with every bead closed.";

  private static Sample patrol(String session, long first, int agents, GtRole role) {
    Sample s =
        sample(user("Run your patrol."), answer(String.format(PATROL, agents))).toBuilder()
            .setSessionId(session)
            .setFirstTimestampMillis(first)
            .setRole(RoleTag.create(role, "", "", "cwd"))
            .build();
    return s.toBuilder().setContentSha256(ContentHash.of(s)).build();
  }

  @Test
  void patrolsThatDifferByACountAreOneClusterWithTheEarliestSurviving(TestPipeline pipeline) {
    Sample earliest = patrol("d1", 1_000, 12, GtRole.DEACON);
    List<Sample> samples = new ArrayList<>(List.of(earliest, patrol("d2", 2_000, 14, GtRole.DEACON),
        patrol("d3", 3_000, 9, GtRole.DEACON), patrol("w1", 4_000, 11, GtRole.WITNESS)));
    Sample different = sample(user("Refactor the loader."), answer("Moved the loader into its own package and added a test for the empty convoy.")).toBuilder().setSessionId("c1").build();
    samples.add(different.toBuilder().setContentSha256(ContentHash.of(different)).build());
    Collections.shuffle(samples, new Random(3));

    PCollectionTuple result = pipeline.apply(Create.of(samples)).apply(DropNearDuplicates.atSimilarity(0.8));

    PAssert.that(result.get(DropNearDuplicates.SURVIVORS)).containsInAnyOrder(earliest, samples.stream().filter(s -> s.sessionId().equals("c1")).findFirst().get());
    PAssert.that(result.get(DropNearDuplicates.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(
            KV.of(StatKeys.SAMPLES_DUPLICATES, 3L),
            KV.of(StatKeys.SAMPLES_NEAR_DUPLICATES, 3L),
            KV.of(StatKeys.role("deacon", "duplicates"), 2L),
            KV.of(StatKeys.role("deacon", "near_duplicates"), 2L),
            KV.of(StatKeys.role("witness", "duplicates"), 1L),
            KV.of(StatKeys.role("witness", "near_duplicates"), 1L),
            KV.of(StatKeys.NEAR_DUP_CLUSTERS, 1L),
            KV.of(StatKeys.nearDupClusterSize(4), 1L));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void thresholdZeroKeepsEverything(TestPipeline pipeline) {
    List<Sample> samples = List.of(patrol("d1", 1_000, 12, GtRole.DEACON), patrol("d2", 2_000, 12, GtRole.DEACON));
    PCollectionTuple result = pipeline.apply(Create.of(samples)).apply(DropNearDuplicates.atSimilarity(0));
    PAssert.that(result.get(DropNearDuplicates.SURVIVORS)).containsInAnyOrder(samples);
    PAssert.that(result.get(DropNearDuplicates.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(KV.of(StatKeys.SAMPLES_NEAR_DUPLICATES, 0L), KV.of(StatKeys.NEAR_DUP_CLUSTERS, 0L));
    pipeline.run().waitUntilFinish();
  }
}
