package dev.gttrainset.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GasTownMarkerTest {
  @Test
  void findsTheBeaconRecipient() {
    assertEquals(
        "gastown/crew/gus",
        GasTownMarker.addressIn("[GAS TOWN] gastown/crew/gus <- deacon • 2025-12-30T15:42 • assigned:gt-abc12\n\nRun gt hook.")
            .orElseThrow());
    assertEquals(
        "polecat furiosa (rig: gastown)",
        GasTownMarker.addressIn("[GAS TOWN] polecat furiosa (rig: gastown) <- witness • 2026-01-02T10:00 • start").orElseThrow());
  }

  @Test
  void findsThePrimeLine() {
    assertEquals("deacon", GasTownMarker.addressIn("[GAS TOWN] role:deacon pid:4242 session:abc").orElseThrow());
  }

  @Test
  void plainTextHasNoMarker() {
    assertTrue(GasTownMarker.addressIn("please fix the gas town map").isEmpty());
  }

  @Test
  void aMarkerQuotedInsideALineIsNotOne() {
    assertTrue(GasTownMarker.addressIn("Why does `[GAS TOWN] mayor <- human • x` show twice?").isEmpty());
  }
}
