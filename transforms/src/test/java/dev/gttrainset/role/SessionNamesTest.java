package dev.gttrainset.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.GtRecord;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionNamesTest {
  /** gastown's prefix is gt, gas-works' is gw-x: a prefix may look like a rig's start. */
  private final TownLayout layout =
      TownLayout.create(List.of(), List.of("gastown", "gas-works"), List.of("gt=gastown", "gw-x=gas-works"));

  private String agent(String name) {
    Optional<RoleRules.Match> match = SessionNames.agentOf(name, layout);
    return match.map(m -> m.role().id() + "/" + m.rig() + "/" + m.worker()).orElse("none");
  }

  @Test
  void namesOfBeforeFebruary2026() {
    assertEquals("mayor//", agent("hq-mayor"));
    assertEquals("boot//", agent("hq-boot"));
    assertEquals("crew/gastown/joe", agent("gt-gastown-crew-joe"));
    assertEquals("witness/gas-works/", agent("gt-gas-works-witness"));
    assertEquals("polecat/gas-works/toast", agent("gt-gas-works-toast"));
  }

  @Test
  void namesSinceFebruary2026UseTheRigsBeadsPrefix() {
    assertEquals("deacon//", agent("hq-deacon"));
    assertEquals("dog//alpha", agent("hq-dog-alpha"));
    assertEquals("witness/gastown/", agent("gt-witness"));
    assertEquals("refinery/gas-works/", agent("gw-x-refinery"));
    assertEquals("crew/gastown/max", agent("gt-crew-max"));
    assertEquals("polecat/gastown/toast", agent("gt-toast"));
    assertEquals("polecat/gas-works/nux", agent("gw-x-nux"));
  }

  @Test
  void unknownRigsAndPrefixesNameNoOne() {
    assertEquals("none", agent("gt-elsewhere-toast".replace("gt-", "zz-")));
    assertEquals("none", agent("hq-dog-"));
    assertEquals("none", agent(""));
  }

  @Test
  void costRecordsTeachThePrefixOfTheirRig() {
    GtRecord witness = GtRecord.builder(GtRecord.COSTS, "cost").setGtSession("bd-witness").setRole("witness").setRig("beads").build();
    assertEquals(Optional.of("bd"), SessionNames.prefixOf(witness));
    GtRecord polecat = GtRecord.builder(GtRecord.COSTS, "cost").setGtSession("bd-toast").setRole("polecat").setRig("beads").setWorker("toast").build();
    assertEquals(Optional.of("bd"), SessionNames.prefixOf(polecat));
    GtRecord old = GtRecord.builder(GtRecord.COSTS, "cost").setGtSession("gt-beads-witness").setRole("witness").setRig("beads").build();
    assertTrue(SessionNames.prefixOf(old).isEmpty());
    TownLayout learned = TownLayout.fromHints(TownLayout.hintsOf(witness));
    assertEquals("beads", learned.rigByPrefix().get("bd"));
  }
}
