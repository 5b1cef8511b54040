package dev.gttrainset.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.parse.Timestamps;
import org.junit.jupiter.api.Test;

class RunWindowTest {
  private static final long HOUR = 3_600_000L;
  private static final long MINUTE = 60_000L;
  private static final long NOW = 100 * HOUR;

  private final RunWindow window = RunWindow.of(10 * HOUR, 99 * HOUR, 10 * MINUTE, NOW);

  @Test
  void takesSessionsWhoseLastRecordFallsInTheWindow() {
    assertEquals(RunWindow.Verdict.IN_WINDOW, window.judge(10 * HOUR, 10 * HOUR));
    assertEquals(RunWindow.Verdict.OUTSIDE_WINDOW, window.judge(10 * HOUR - 1, 10 * HOUR));
    assertEquals(RunWindow.Verdict.OUTSIDE_WINDOW, window.judge(99 * HOUR, 99 * HOUR));
  }

  @Test
  void leavesASessionThatIsStillBeingWrittenForALaterRun() {
    RunWindow open = RunWindow.of(10 * HOUR, Timestamps.NONE, 10 * MINUTE, NOW);
    assertEquals(RunWindow.Verdict.STILL_BEING_WRITTEN, open.judge(NOW - 2 * MINUTE, NOW - MINUTE));
    // Files copied a minute ago whose records are old are not busy.
    assertEquals(RunWindow.Verdict.IN_WINDOW, open.judge(NOW - 5 * HOUR, NOW - MINUTE));
    // Nor are recent records in a file nobody touched for a while.
    assertEquals(RunWindow.Verdict.IN_WINDOW, open.judge(NOW - 2 * MINUTE, NOW - HOUR));
  }

  @Test
  void withoutAWindowOnlyRecentlyChangedFilesNeedTheirLastRecordRead() {
    RunWindow settling = RunWindow.of(Timestamps.NONE, Timestamps.NONE, 10 * MINUTE, NOW);
    assertFalse(settling.needsLastRecord(NOW - 11 * MINUTE));
    assertTrue(settling.needsLastRecord(NOW - MINUTE));
    assertFalse(RunWindow.everything().needsLastRecord(NOW));
    // In a window every session's last record decides.
    assertTrue(window.needsLastRecord(0));
    // Standing in for an old file's records, its change time gives the same verdict.
    assertEquals(settling.judge(Timestamps.NONE, NOW - 11 * MINUTE), settling.judge(NOW - 11 * MINUTE, NOW - 11 * MINUTE));
  }

  @Test
  void withoutAWindowEverythingCounts() {
    assertEquals(RunWindow.Verdict.IN_WINDOW, RunWindow.everything().judge(Timestamps.NONE, 0));
    assertEquals(RunWindow.Verdict.OUTSIDE_WINDOW, window.judge(Timestamps.NONE, 0));
    assertThrows(IllegalArgumentException.class, () -> RunWindow.of(2, 1, 0, 0));
  }
}
