package dev.gttrainset.sample;

import static dev.gttrainset.sample.Messages.answer;
import static dev.gttrainset.sample.Messages.sample;
import static dev.gttrainset.sample.Messages.user;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.DedupCandidate;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.TestPipelineExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.coders.StringUtf8Coder;
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
class DeduplicateTest {
  private static final String PATROL =
      "Patrol done: all %d agents are healthy and nothing needs the mayor. The witness of gastown answered, the "
          + "refinery of beads answered, and the merge queue of wyvern is empty; toast and nux are working their hooks, "
          + "slit is idle, and the last convoy landed an hour ago with every bead closed.";

  private static Sample hashed(String session, long firstMillis, String answer, GtRole role) {
    Sample s =
        sample(user("status?"), answer(answer)).toBuilder()
            .setSessionId(session)
            .setFirstTimestampMillis(firstMillis)
            .setRole(RoleTag.create(role, "", "", "cwd"))
            .build();
    return s.toBuilder().setContentSha256(ContentHash.of(s)).build();
  }

  private static Sample hashed(String session, long firstMillis, String answer) {
    return hashed(session, firstMillis, answer, GtRole.MAYOR);
  }

  private static Sample patrol(String session, long first, int agents, GtRole role) {
    return hashed(session, first, String.format(PATROL, agents), role);
  }

  private static PCollectionView<List<String>> published(TestPipeline pipeline, String... hashes) {
    return pipeline.apply("Published", Create.of(List.of(hashes)).withCoder(StringUtf8Coder.of())).apply(View.asList());
  }

  @Test
  void exactCopiesKeepTheEarliestOfEachHashWhateverTheOrder(TestPipeline pipeline) {
    Sample later = hashed("b", 2_000, "All good.");
    Sample earliest = hashed("c", 1_000, "All good.");
    Sample sameTimeButLaterId = hashed("d", 1_000, "All good.");
    Sample unique = hashed("a", 5_000, "Something else.");

    PCollectionTuple deduped =
        pipeline.apply(Create.of(later, sameTimeButLaterId, unique, earliest)).apply(Deduplicate.of(0.8, published(pipeline)));

    PAssert.that(deduped.get(Deduplicate.SURVIVORS)).containsInAnyOrder(earliest, unique);
    PAssert.that(deduped.get(Deduplicate.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(
            KV.of(StatKeys.SAMPLES_DUPLICATES, 2L),
            KV.of(StatKeys.role("mayor", "duplicates"), 2L),
            KV.of(StatKeys.SAMPLES_NEAR_DUPLICATES, 0L),
            KV.of(StatKeys.NEAR_DUP_CLUSTERS, 0L));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void twoCopiesOfOneSessionAreToldApartByTheirFile() {
    Sample a = hashed("s1", 1_000, "All good.").toBuilder().setSourceFile("a/s1.jsonl").build();
    Sample b = hashed("s1", 1_000, "All good.").toBuilder().setSourceFile("b/s1.jsonl").build();
    DedupCandidate first = DedupCandidate.of(a, false, new int[0]);
    DedupCandidate second = DedupCandidate.of(b, false, new int[0]);
    assertTrue(DedupCandidate.SURVIVOR_FIRST.compare(first, second) < 0);
    assertTrue(DedupCandidate.SURVIVOR_FIRST.compare(second, first) > 0);
  }

  @Test
  void patrolsThatDifferByACountAreOneClusterWithTheEarliestSurviving(TestPipeline pipeline) {
    Sample earliest = patrol("d1", 1_000, 12, GtRole.DEACON);
    Sample different = hashed("c1", 0, "Moved the loader into its own package and added a test for the empty convoy.", GtRole.CREW);
    List<Sample> samples =
        new ArrayList<>(List.of(earliest, patrol("d2", 2_000, 14, GtRole.DEACON), patrol("d3", 3_000, 9, GtRole.DEACON),
            patrol("w1", 4_000, 11, GtRole.WITNESS), different));
    Collections.shuffle(samples, new Random(3));

    PCollectionTuple result = pipeline.apply(Create.of(samples)).apply(Deduplicate.of(0.8, published(pipeline)));

    PAssert.that(result.get(Deduplicate.SURVIVORS)).containsInAnyOrder(earliest, different);
    PAssert.that(result.get(Deduplicate.STATS).apply(Sum.longsPerKey()))
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
  void thresholdZeroLooksForNoNearDuplicates(TestPipeline pipeline) {
    List<Sample> samples = List.of(patrol("d1", 1_000, 12, GtRole.DEACON), patrol("d2", 2_000, 14, GtRole.DEACON));
    PCollectionTuple result = pipeline.apply(Create.of(samples)).apply(Deduplicate.of(0, published(pipeline)));
    PAssert.that(result.get(Deduplicate.SURVIVORS)).containsInAnyOrder(samples);
    PAssert.that(result.get(Deduplicate.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(KV.of(StatKeys.SAMPLES_NEAR_DUPLICATES, 0L), KV.of(StatKeys.NEAR_DUP_CLUSTERS, 0L));
    pipeline.run().waitUntilFinish();
  }

  /**
   * One copy of published content counts as published, its other copies as exact duplicates; a
   * near-duplicate of a published survivor counts as near, whichever reason it also has.
   */
  @Test
  void publishedContentIsDroppedOnceAsPublishedAndItsCopiesAsDuplicates(TestPipeline pipeline) {
    Sample written = hashed("m1", 1_000, "Convoy hq-cv-12 landed; closing the three beads.");
    Sample copy = hashed("m2", 2_000, "Convoy hq-cv-12 landed; closing the three beads.");
    Sample nearSurvivor = patrol("d1", 1_000, 12, GtRole.DEACON);
    Sample nearPublished = patrol("d2", 2_000, 14, GtRole.DEACON);
    Sample fresh = hashed("m3", 3_000, "Slinging gt-abc12 to toast.");

    PCollectionTuple result =
        pipeline
            .apply(Create.of(written, copy, nearSurvivor, nearPublished, fresh))
            .apply(Deduplicate.of(0.8, published(pipeline, written.contentSha256(), nearPublished.contentSha256())));

    PAssert.that(result.get(Deduplicate.SURVIVORS)).containsInAnyOrder(nearSurvivor, fresh);
    PAssert.that(result.get(Deduplicate.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(
            KV.of(StatKeys.SAMPLES_DUPLICATES, 3L),
            KV.of(StatKeys.SAMPLES_PUBLISHED_BEFORE, 1L),
            KV.of(StatKeys.SAMPLES_NEAR_DUPLICATES, 1L),
            KV.of(StatKeys.role("mayor", "duplicates"), 2L),
            KV.of(StatKeys.role("deacon", "duplicates"), 1L),
            KV.of(StatKeys.role("deacon", "near_duplicates"), 1L),
            KV.of(StatKeys.NEAR_DUP_CLUSTERS, 1L),
            KV.of(StatKeys.nearDupClusterSize(2), 1L));
    pipeline.run().waitUntilFinish();
  }
}
