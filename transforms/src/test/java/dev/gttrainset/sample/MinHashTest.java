package dev.gttrainset.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Sample;
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
    double oneWordChanged = MinHash.similarity(patrol, MinHash.signature(PATROL.replace("toast", "slit")));
    assertTrue(oneWordChanged > 0.8 && oneWordChanged < 1.0, "one word of 46: " + oneWordChanged);
    double other = MinHash.similarity(patrol, MinHash.signature("Refactored the convoy loader so that beads close before their molecules run."));
    assertTrue(other < 0.1, "unrelated: " + other);
  }

  @Test
  void countsTimesHashesAndIdsDoNotTellPatrolsApart() {
    String report =
        "Patrol 09:14:02: 12 of 12 agents healthy, 3 polecats working (gt-4f2a9, gt-7c1d0, gt-90ab3), mr-231 and "
            + "mr-232 merged at 4e1f9ac, 0 mails waiting; 17 beads open, 2 stale since 08:40. Next patrol 09:24.";
    String later =
        "Patrol 11:44:37: 14 of 14 agents healthy, 5 polecats working (gt-1b2c3, gt-88e0f, gt-5a5a5), mr-240 and "
            + "mr-241 merged at 9d0c2be, 1 mails waiting; 21 beads open, 4 stale since 10:05. Next patrol 11:54.";
    assertEquals(1.0, MinHash.similarity(MinHash.signature(report), MinHash.signature(later)));
    assertEquals("0", MinHash.normalized("4e1f9ac"));
    assertEquals("polecats", MinHash.normalized("polecats"));
  }

  @Test
  void onlyTheTurnsASampleTrainsAreCompared() {
    ChatMessage shown = Messages.answer("A long write another sample trains.").toBuilder().setContext(true).build();
    Sample sample = Messages.sample(Messages.user("go"), shown, Messages.user("and?"), Messages.answer("Done."));
    assertEquals("Done.\n", MinHash.assistantText(sample));
  }

  @Test
  void similarSignaturesShareABandAndTheSameTextTheSameKeys() {
    int[] a = MinHash.signature(PATROL);
    int[] b = MinHash.signature(PATROL.replace("toast", "slit"));
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
