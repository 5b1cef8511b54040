package dev.gttrainset.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gttrainset.parse.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunStatsTest {
  private static RunStats of(String json) throws Exception {
    return RunStats.of(Json.MAPPER.readTree(json));
  }

  @Test
  void theNumbersThatDecideARunAreReadByName() throws Exception {
    RunStats stats =
        of("{\"lines\":{\"read\":10,\"used\":6,\"skipped\":{\"progress\":2,\"summary\":1},\"dead_letters\":1},"
            + "\"samples\":{\"built\":9,\"repeated\":2,\"written\":7,\"duplicates\":3,\"rejected\":1},"
            + "\"files\":{\"failed\":2,\"read\":4},\"leak_gate\":{\"findings\":5,\"quarantined_samples\":1},"
            + "\"roles\":{\"mayor\":{\"sessions\":2,\"samples\":5,\"train\":4,\"val\":1,\"share_of_samples_pct\":71.4},"
            + "\"deacon\":{\"sessions\":1,\"samples\":2,\"train\":2,\"val\":0}},\"settings\":{\"format\":\"chat\"}}");
    assertEquals(0, stats.linesBalance());
    assertEquals(0, stats.samplesBalance());
    assertEquals(3, stats.deadLetters());
    assertEquals(5, stats.leakGate().findings());
    assertEquals(1, stats.leakGate().quarantined());
    assertEquals(List.of("mayor", "deacon"), List.copyOf(stats.roles().keySet()));
    assertEquals(new RunStats.RoleCounts(2, 5, 4, 1), stats.roles().get("mayor"));
  }

  @Test
  void aLineOrSampleUnaccountedForUnbalancesIt() throws Exception {
    RunStats stats = of("{\"lines\":{\"read\":10,\"used\":6},\"samples\":{\"built\":3,\"written\":1}}");
    assertEquals(4, stats.linesBalance());
    assertEquals(2, stats.samplesBalance());
  }

  @Test
  void sectionsARunDidNotWriteCountZero() throws Exception {
    RunStats stats = of("{}");
    assertEquals(0, stats.linesBalance());
    assertEquals(0, stats.leakGate().findings());
    assertEquals(0, stats.deadLetters());
    assertEquals(0, stats.roles().size());
  }

  @Test
  void aDocumentThatIsNotAStatsFileIsAnError() {
    assertThrows(IllegalArgumentException.class, () -> of("{\"lines\":{\"read\":\"many\"}}"));
  }
}
