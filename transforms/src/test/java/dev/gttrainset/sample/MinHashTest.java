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
    int rows = MinHash.rowsFor(0.8);
    boolean shared = false;
    for (int band = 0; band < MinHash.SIZE / rows; band++) {
      assertEquals(MinHash.bandKey(a, band, rows), MinHash.bandKey(MinHash.signature(PATROL), band, rows));
      shared |= MinHash.bandKey(a, band, rows) == MinHash.bandKey(b, band, rows);
    }
    assertTrue(shared, "near-duplicates meet in at least one band");
    assertTrue(MinHash.bandKey(a, 0, rows) != MinHash.bandKey(a, 1, rows), "bands never meet each other");
  }

  @Test
  void bandsFollowTheThresholdSoPairsAtItStillMeet() {
    assertEquals(8, MinHash.rowsFor(0.8));
    assertEquals(4, MinHash.rowsFor(0.6));
    assertEquals(16, MinHash.rowsFor(0.95));
    for (double threshold : new double[] {0.3, 0.5, 0.6, 0.8, 0.9, 0.95}) {
      int rows = MinHash.rowsFor(threshold);
      assertTrue(MinHash.meet(threshold, rows) >= 0.9, "pairs at " + threshold + " in bands of " + rows);
      assertTrue(rows == MinHash.SIZE / 2 || MinHash.meet(threshold, rows * 2) < 0.9, "no more rows would do");
    }
  }

  @Test
  void aTextWithoutWordsIsLikeNoOther() {
    assertEquals(0, MinHash.signature("--- *** !!!").length);
    assertEquals(0, MinHash.signature("").length);
  }
}
