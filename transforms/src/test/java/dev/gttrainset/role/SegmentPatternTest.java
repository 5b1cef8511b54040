package dev.gttrainset.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentPatternTest {
  private final SegmentPattern crew = SegmentPattern.of("{rig}/crew/{worker}/**");

  @Test
  void capturesNamedSegmentsAndAcceptsAnyRest() {
    assertEquals(Map.of("rig", "gastown", "worker", "joe"), crew.match(List.of("gastown", "crew", "joe")).get());
    assertEquals(
        Map.of("rig", "gastown", "worker", "joe"), crew.match(List.of("gastown", "crew", "joe", "src", "x")).get());
  }

  @Test
  void literalsMustMatchAndClosedPatternsMustEnd() {
    assertTrue(crew.match(List.of("gastown", "polecats", "joe")).isEmpty());
    assertTrue(crew.match(List.of("gastown", "crew")).isEmpty());
    assertTrue(SegmentPattern.of("deacon/boot").match(List.of("deacon", "boot", "x")).isEmpty());
    assertTrue(SegmentPattern.of("{rig}/witness").match(List.of("", "witness")).isEmpty());
  }
}
