package dev.gttrainset.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RoleBalanceTest {
  private static final Map<String, Long> TOWN = Map.of("mayor", 600L, "deacon", 300L, "boot", 100L);

  /** The copies of every sample of each role, the partial round's included. */
  private static Map<String, Long> balanced(RoleBalance balance) {
    Map<String, Double> ratios = balance.ratios(TOWN);
    Map<String, Long> copies = new TreeMap<>();
    TOWN.forEach((role, n) -> {
      long partial = RoleBalance.partialRound(ratios.get(role), n);
      copies.put(role, partial * RoleBalance.copies(ratios.get(role), true) + (n - partial) * RoleBalance.copies(ratios.get(role), false));
    });
    return copies;
  }

  private static double share(Map<String, Long> counts, String role) {
    return counts.get(role) / (double) counts.values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void capSamplesANamedRoleDownToItsShareOfTheBalancedSet() {
    Map<String, Long> capped = balanced(new RoleBalance(RoleBalance.Mode.CAP, Map.of("mayor", 0.4)));
    // 600 of 1,000 down to 40% of what is left: 400 / 0.6 = 667, of which mayor 267.
    assertEquals(Map.of("mayor", 267L, "deacon", 300L, "boot", 100L), capped);
    assertEquals(0.4, share(capped, "mayor"), 0.001);
  }

  @Test
  void capWithEvenTargetsCutsEveryRoleToTheSmallest() {
    assertEquals(Map.of("mayor", 100L, "deacon", 100L, "boot", 100L), balanced(new RoleBalance(RoleBalance.Mode.CAP, Map.of())));
  }

  @Test
  void oversampleRepeatsANamedRoleUpToItsShareOfTheBalancedSet() {
    RoleBalance oversample = new RoleBalance(RoleBalance.Mode.OVERSAMPLE, Map.of("boot", 0.2));
    Map<String, Long> repeated = balanced(oversample);
    // boot to 20% of 900 / 0.8 = 1,125: 225, 2.25 copies each.
    assertEquals(Map.of("mayor", 600L, "deacon", 300L, "boot", 225L), repeated);
    assertEquals(0.2, share(repeated, "boot"), 0.001);
    // the quarter of the samples that comes first by hash gets a third copy
    double ratio = oversample.ratios(TOWN).get("boot");
    assertEquals(25, RoleBalance.partialRound(ratio, 100));
    assertEquals(3, RoleBalance.copies(ratio, true));
    assertEquals(2, RoleBalance.copies(ratio, false));
  }

  @Test
  void oversampleWithEvenTargetsRepeatsEveryRoleUpToTheLargest() {
    assertEquals(
        Map.of("mayor", 600L, "deacon", 600L, "boot", 600L), balanced(new RoleBalance(RoleBalance.Mode.OVERSAMPLE, Map.of())));
  }

  @Test
  void aRoleAlreadyWithinItsTargetAndNoneAreLeftAsTheyAre() {
    assertEquals(TOWN, balanced(new RoleBalance(RoleBalance.Mode.CAP, Map.of("mayor", 0.7))));
    assertEquals(TOWN, balanced(new RoleBalance(RoleBalance.Mode.OVERSAMPLE, Map.of("boot", 0.05))));
    assertEquals(TOWN, balanced(new RoleBalance(RoleBalance.Mode.NONE, Map.of("boot", 0.5))));
  }

  @Test
  void aTargetOfNothingCapsARoleAway() {
    assertEquals(Map.of("mayor", 600L, "deacon", 300L, "boot", 0L), balanced(new RoleBalance(RoleBalance.Mode.CAP, Map.of("boot", 0.0))));
  }

  @Test
  void theRatiosDoNotDependOnTheOrderTheCountsComeIn() {
    RoleBalance balance = new RoleBalance(
        RoleBalance.Mode.OVERSAMPLE, RoleBalance.parseTargets("mayor=0.2,deacon=0.1,witness=0.3,refinery=0.1,polecat=0.2"));
    List<Map.Entry<String, Long>> counts = new ArrayList<>(List.of(
        Map.entry("refinery", 5L), Map.entry("witness", 1L), Map.entry("deacon", 4L),
        Map.entry("mayor", 8L), Map.entry("polecat", 8L), Map.entry("crew", 4L)));
    Map<String, Double> first = null;
    for (int seed = 0; seed < 20; seed++) {
      Collections.shuffle(counts, new Random(seed));
      Map<String, Long> ordered = new LinkedHashMap<>();
      counts.forEach(e -> ordered.put(e.getKey(), e.getValue()));
      Map<String, Double> ratios = balance.ratios(ordered);
      if (first == null) {
        first = ratios;
      }
      assertEquals(first, ratios, "order " + ordered.keySet());
    }
  }

  @Test
  void placesFollowTheHashesOrder() {
    assertTrue(RoleBalance.place("0fffffffffffffff") < RoleBalance.place("1000000000000000"));
    assertTrue(RoleBalance.place("ffffffffffffffffab") > 0, "sixty bits: never negative");
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
