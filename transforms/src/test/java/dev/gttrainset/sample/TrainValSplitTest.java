package dev.gttrainset.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class TrainValSplitTest {
  @Test
  void aSessionAlwaysLandsOnTheSameSide() {
    TrainValSplit split = new TrainValSplit(0.5);
    String session = "5accf261-7636-400f-a6c8-065a1a4fb404";
    assertEquals(split.of(session), split.of(session));
  }

  @Test
  void holdsOutAboutTheAskedShare() {
    TrainValSplit split = new TrainValSplit(0.05);
    int val = 0;
    for (int i = 0; i < 20_000; i++) {
      if (split.of(UUID.nameUUIDFromBytes(("s" + i).getBytes()).toString()).equals(TrainValSplit.VAL)) {
        val++;
      }
    }
    assertTrue(val > 800 && val < 1200, "val sessions: " + val);
  }

  @Test
  void theEdgesMeanAllOrNothing() {
    assertEquals(TrainValSplit.TRAIN, new TrainValSplit(0).of("any"));
    assertEquals(TrainValSplit.VAL, new TrainValSplit(1).of("any"));
    assertThrows(IllegalArgumentException.class, () -> new TrainValSplit(1.5));
  }
}
