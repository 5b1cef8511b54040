package dev.gttrainset.sample;

import static dev.gttrainset.sample.Messages.answer;
import static dev.gttrainset.sample.Messages.sample;
import static dev.gttrainset.sample.Messages.user;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.DedupCandidate;
import dev.gttrainset.model.Sample;
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
class DedupByContentHashTest {
  private static Sample hashed(String session, long firstMillis, String answer) {
    Sample s = sample(user("status?"), answer(answer)).toBuilder().setSessionId(session).setFirstTimestampMillis(firstMillis).build();
    return s.toBuilder().setContentSha256(ContentHash.of(s)).build();
  }

  @Test
  void keepsTheEarliestOfEachGroupWhateverTheOrder(TestPipeline pipeline) {
    Sample later = hashed("b", 2_000, "All good.");
    Sample earliest = hashed("c", 1_000, "All good.");
    Sample sameTimeButLaterId = hashed("d", 1_000, "All good.");
    Sample unique = hashed("a", 5_000, "Something else.");

    PCollectionTuple deduped =
        pipeline
            .apply(Create.of(later, sameTimeButLaterId, unique, earliest))
            .apply(DedupByContentHash.create());

    PAssert.that(deduped.get(DedupByContentHash.SURVIVORS)).containsInAnyOrder(earliest, unique);
    PAssert.that(deduped.get(DedupByContentHash.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(List.of(KV.of(StatKeys.SAMPLES_DUPLICATES, 2L), KV.of(StatKeys.role("mayor", "duplicates"), 2L)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void twoCopiesOfOneSessionAreToldApartByTheirFile() {
    Sample a = hashed("s1", 1_000, "All good.").toBuilder().setSourceFile("a/s1.jsonl").build();
    Sample b = hashed("s1", 1_000, "All good.").toBuilder().setSourceFile("b/s1.jsonl").build();
    assertTrue(DedupCandidate.SURVIVOR_FIRST.compare(DedupCandidate.of(a), DedupCandidate.of(b)) < 0);
    assertTrue(DedupCandidate.SURVIVOR_FIRST.compare(DedupCandidate.of(b), DedupCandidate.of(a)) > 0);
  }
}
