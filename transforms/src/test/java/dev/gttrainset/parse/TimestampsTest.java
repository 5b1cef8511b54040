package dev.gttrainset.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TimestampsTest {
  @Test
  void readsOffsetsAndNanoseconds() {
    // The seed report's cost records carry both.
    assertEquals(
        Timestamps.parseMillis("2026-02-25T09:29:17.027Z"),
        Timestamps.parseMillis("2026-02-25T20:29:17.027066556+11:00"));
  }

  @Test
  void readsZuluAndZoneless() {
    assertEquals(1_772_011_757_000L, Timestamps.parseMillis("2026-02-25T09:29:17Z"));
    assertEquals(1_772_011_757_000L, Timestamps.parseMillis("2026-02-25T09:29:17"));
  }

  @Test
  void somethingElseIsNoTimestamp() {
    assertEquals(Timestamps.NONE, Timestamps.parseMillis("yesterday"));
    assertEquals(Timestamps.NONE, Timestamps.parseMillis(""));
    assertEquals("", Timestamps.format(Timestamps.NONE));
    assertEquals("2026-02-25T09:29:17Z", Timestamps.format(1_772_011_757_000L));
  }
}
