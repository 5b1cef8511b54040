package dev.gttrainset.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class StatKeysTest {
  @Test
  void namesFromTheDataBecomeOneSafeBoundedSegment() {
    assertEquals("file-history-snapshot", StatKeys.segment("file-history-snapshot"));
    assertEquals("deacon/boot", StatKeys.segment("Deacon/Boot"));
    assertEquals("a_b_c__", StatKeys.segment("a.b c\n✓"));
    assertEquals("a_b", StatKeys.segment("a\uD83D\uDE00b"), "an emoji is one character");
    assertEquals("_", StatKeys.segment(""));
    assertEquals("x".repeat(64), StatKeys.segment("X".repeat(100)));
    assertEquals("_".repeat(64), StatKeys.segment(".".repeat(100)));
  }

  @Test
  void aSafeNameIsNotCopied() {
    String name = "queue-operation";
    assertSame(name, StatKeys.segment(name));
  }
}
