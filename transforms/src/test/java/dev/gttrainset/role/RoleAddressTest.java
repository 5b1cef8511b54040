package dev.gttrainset.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.GtRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoleAddressTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "mayor, MAYOR, '', ''",
    "deacon, DEACON, '', ''",
    "boot, BOOT, '', ''",
    "deacon/boot, BOOT, '', ''",
    "deacon-boot, BOOT, '', ''",
    "deacon/dogs/rex, DOG, '', rex",
    "dog alpha, DOG, '', alpha",
    "dog, DOG, '', ''",
    "gastown/witness, WITNESS, gastown, ''",
    "gastown/refinery, REFINERY, gastown, ''",
    "gastown/crew/joe, CREW, gastown, joe",
    "gastown/polecats/Toast, POLECAT, gastown, Toast",
    "polecat, POLECAT, '', ''",
    "polecat furiosa (rig: gastown), POLECAT, gastown, furiosa",
    "witness (rig: gastown), WITNESS, gastown, ''",
    "crew joe (rig: gastown), CREW, gastown, joe"
  })
  void readsEveryAddressGasTownWrites(String address, GtRole role, String rig, String worker) {
    RoleRules.Match match = RoleAddress.parse(address).orElseThrow();
    assertEquals(role, match.role());
    assertEquals(rig, match.rig());
    assertEquals(worker, match.worker());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "human", "daemon", "gastown", "gastown/docs/readme", "a/b/c/d"})
  void otherTextIsNoAddress(String text) {
    assertTrue(RoleAddress.parse(text).isEmpty());
  }
}
