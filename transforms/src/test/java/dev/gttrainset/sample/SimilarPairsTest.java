package dev.gttrainset.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.model.DedupCandidate;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;

class SimilarPairsTest {
  private static final String PATROL =
      "Patrol done: all %d agents are healthy and nothing needs the mayor; the witness of gastown answered, the "
          + "refinery answered and the merge queue of wyvern is empty, toast and nux are working their hooks.";

  private static DedupCandidate candidate(String session, long first, String text) {
    Sample s =
        Messages.sample(Messages.user("patrol"), Messages.answer(text)).toBuilder()
            .setSessionId(session)
            .setFirstTimestampMillis(first)
            .setRole(RoleTag.create(GtRole.DEACON, "", "", "cwd"))
            .build();
    s = s.toBuilder().setContentSha256(ContentHash.of(s)).build();
    return DedupCandidate.of(s, false, MinHash.signature(MinHash.assistantText(s)));
  }

  private static List<String> pairs(List<KV<Long, DedupCandidate>> members) {
    List<String> pairs = new ArrayList<>();
    new SimilarPairs(0.8).among(members).forEach(p -> pairs.add(p.getKey().orderKey() + " ~ " + p.getValue().orderKey()));
    return pairs;
  }

  @Test
  void eachCandidateIsPairedWithTheEarliestSimilarOneOfItsBucketInAnyOrder() {
    DedupCandidate first = candidate("d1", 1_000, String.format(PATROL, 12));
    DedupCandidate second = candidate("d2", 2_000, String.format(PATROL, 14));
    DedupCandidate third = candidate("d3", 3_000, String.format(PATROL, 9));
    DedupCandidate other = candidate("c1", 500, "Moved the loader into its own package and added a test for the empty convoy.");
    List<KV<Long, DedupCandidate>> members =
        new ArrayList<>(List.of(KV.of(7L, third), KV.of(7L, other), KV.of(7L, second), KV.of(7L, first)));
    List<String> expected = List.of(first.orderKey() + " ~ " + second.orderKey(), first.orderKey() + " ~ " + third.orderKey());
    for (int seed = 0; seed < 5; seed++) {
      Collections.shuffle(members, new Random(seed));
      assertEquals(expected, pairs(members));
    }
  }

  @Test
  void candidatesInDifferentBucketsAreNeverCompared() {
    DedupCandidate first = candidate("d1", 1_000, String.format(PATROL, 12));
    DedupCandidate second = candidate("d2", 2_000, String.format(PATROL, 14));
    assertEquals(List.of(), pairs(List.of(KV.of(1L, first), KV.of(2L, second))));
  }
}
