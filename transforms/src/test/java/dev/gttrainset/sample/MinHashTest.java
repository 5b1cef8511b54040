package dev.gttrainset.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinHashTest {
  private static final String PATROL =
      "Patrol done: all 12 agents are healthy and nothing needs the mayor. Bash {\"command\":\"gt status\"} "
          + "Bash {\"command\":\"gt deacon health-check\"} The witness of gastown answered, the refinery of beads "
          + "answered, and the merge queue of wyvern is empty; toast and nux are working their hooks.";

  @Test
  void similarityEstimatesTheShareOfSharedShingles() {
    int[] patrol = MinHash.signature(PATROL);
    assertEquals(1.0, MinHash.similarity(patrol, MinHash.signature(PATROL)));
    // Case and punctuation are not words.
    assertEquals(1.0, MinHash.similarity(patrol, MinHash.signature(PATROL.toUpperCase().replace(":", " ; "))));
    double oneCountChanged = MinHash.similarity(patrol, MinHash.signature(PATROL.replace("12", "14")));
    assertTrue(oneCountChanged > 0.8 && oneCountChanged < 1.0, "one number of 46 words: " + oneCountChanged);
    double other = MinHash.similarity(patrol, MinHash.signature("Refactored the convoy loader so that beads close before their molecules run."));
    assertTrue(other < 0.1, "unrelated: " + other);
  }

  @Test
  void similarSignaturesShareABandAndTheSameTextTheSameKeys() {
    int[] a = MinHash.signature(PATROL);
    int[] b = MinHash.signature(PATROL.replace("12", "14"));
    boolean shared = false;
    for (int band = 0; band < MinHash.BANDS; band++) {
      assertEquals(MinHash.bandKey(a, band), MinHash.bandKey(MinHash.signature(PATROL), band));
      shared |= MinHash.bandKey(a, band) == MinHash.bandKey(b, band);
    }
    assertTrue(shared, "near-duplicates meet in at least one band");
    assertTrue(MinHash.bandKey(a, 0) != MinHash.bandKey(a, 1), "bands never meet each other");
  }
}
