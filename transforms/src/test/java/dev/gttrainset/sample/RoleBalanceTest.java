package dev.gttrainset.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleBalanceTest {
  private static final Map<String, Long> TOWN = Map.of("mayor", 600L, "deacon", 300L, "boot", 100L);

  /** The copies of every sample of a role, as if its hashes were spread evenly over [0, 1). */
  private static long copies(RoleBalance balance, String role) {
    long n = TOWN.get(role);
    long copies = 0;
    for (int i = 0; i < n; i++) {
      copies += balance.copies(role, (i + 0.5) / n, TOWN);
    }
    return copies;
  }

  @Test
  void capKeepsAtMostTheTargetShareOfEachRole() {
    RoleBalance cap = new RoleBalance(RoleBalance.Mode.CAP, Map.of());
    // Even targets: a third of 1,000 each.
    assertEquals(333, copies(cap, "mayor"));
    assertEquals(300, copies(cap, "deacon"));
    assertEquals(100, copies(cap, "boot"));
  }

  @Test
  void oversampleRepeatsRareRolesUpToTheirTarget() {
    RoleBalance oversample = new RoleBalance(RoleBalance.Mode.OVERSAMPLE, Map.of("mayor", 0.5));
    // mayor 0.5 given; deacon and boot share the other half: 250 each of 1,000.
    assertEquals(600, copies(oversample, "mayor"));
    assertEquals(300, copies(oversample, "deacon"));
    assertEquals(250, copies(oversample, "boot"));
    // 2.5 copies each: the half of the samples that comes first by hash gets a third.
    assertEquals(3, oversample.copies("boot", 0.49, TOWN));
    assertEquals(2, oversample.copies("boot", 0.51, TOWN));
  }

  @Test
  void noneKeepsEverySampleOnce() {
    RoleBalance none = new RoleBalance(RoleBalance.Mode.NONE, Map.of());
    assertEquals(600, copies(none, "mayor"));
    assertEquals(100, copies(none, "boot"));
  }

  @Test
  void targetsAndModesAreChecked() {
    assertEquals(Map.of("mayor", 0.25, "deacon", 0.1), RoleBalance.parseTargets("mayor=0.25, deacon=0.1"));
    assertThrows(IllegalArgumentException.class, () -> RoleBalance.parseTargets("mayr=0.2"));
    assertThrows(IllegalArgumentException.class, () -> RoleBalance.parseTargets("mayor"));
    assertThrows(IllegalArgumentException.class, () -> new RoleBalance(RoleBalance.Mode.CAP, Map.of("mayor", 0.7, "boot", 0.4)));
    assertThrows(IllegalArgumentException.class, () -> RoleBalance.Mode.parse("spread"));
    assertEquals(RoleBalance.Mode.OVERSAMPLE, RoleBalance.Mode.parse("Oversample"));
  }
}
