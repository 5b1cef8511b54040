package dev.gttrainset.role;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.GtRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class TownLayoutTest {
  private final TownLayout layout = TownLayout.create(List.of("/home/ubuntu/gt"), List.of("gastown", "my-rig"));

  private GtRole roleOfPath(TownLayout l, String cwd) {
    return l.matchPath(cwd).map(RoleRules.Match::role).orElse(GtRole.UNKNOWN);
  }

  @Test
  void readsEveryHomeBelowTheRoot() {
    assertEquals(GtRole.MAYOR, roleOfPath(layout, "/home/ubuntu/gt/mayor"));
    assertEquals(GtRole.DEACON, roleOfPath(layout, "/home/ubuntu/gt/deacon"));
    assertEquals(GtRole.BOOT, roleOfPath(layout, "/home/ubuntu/gt/deacon/dogs/boot"));
    assertEquals(GtRole.DOG, roleOfPath(layout, "/home/ubuntu/gt/deacon/dogs/rex"));
    assertEquals(GtRole.WITNESS, roleOfPath(layout, "/home/ubuntu/gt/gastown/witness"));
    assertEquals(GtRole.REFINERY, roleOfPath(layout, "/home/ubuntu/gt/gastown/refinery/rig"));
    assertEquals(GtRole.CREW, roleOfPath(layout, "/home/ubuntu/gt/gastown/crew/joe/src"));
    assertEquals(GtRole.POLECAT, roleOfPath(layout, "/home/ubuntu/gt/gastown/polecats/toast/gastown"));
  }

  @Test
  void aCrewMemberNamedWitnessIsCrew() {
    RoleRules.Match match = layout.matchPath("/home/ubuntu/gt/gastown/crew/witness").orElseThrow();
    assertEquals(GtRole.CREW, match.role());
    assertEquals("witness", match.worker());
  }

  @Test
  void outsideTheTownNothingMatchesUnlessARigAnchorsIt() {
    assertTrue(layout.matchPath("/home/ubuntu/projects/witness").isEmpty());
    assertTrue(layout.matchPath("/home/ubuntu/gt").isEmpty());
    // The town moved, but a known rig still anchors the path.
    assertEquals(GtRole.REFINERY, roleOfPath(layout, "/srv/town/gastown/refinery/rig"));
  }

  @Test
  void readsTheEncodedProjectFolder() {
    assertEquals(GtRole.BOOT, layout.matchProjectDir("-home-ubuntu-gt-deacon-dogs-boot").orElseThrow().role());
    RoleRules.Match polecat = layout.matchProjectDir("-home-ubuntu-gt-my-rig-polecats-toast-my-rig").orElseThrow();
    assertEquals(GtRole.POLECAT, polecat.role());
    assertEquals("my-rig", polecat.rig());
    assertEquals("toast", polecat.worker());
    assertTrue(layout.matchProjectDir("-home-ubuntu-projects-blog").isEmpty());
  }

  @Test
  void learnsTheRootFromAnEventThatNamesRoleAndCwd() {
    GtRecord start =
        GtRecord.builder(GtRecord.EVENTS, "session_start")
            .setRole("gastown/crew/joe")
            .setCwd("/home/alice/town/gastown/crew/joe")
            .build();
    TownLayout learned = TownLayout.fromHints(TownLayout.hintsOf(start));
    assertEquals(List.of("/home/alice/town"), learned.roots());
    assertEquals(List.of("gastown"), learned.rigs());
    assertEquals(GtRole.WITNESS, roleOfPath(learned, "/home/alice/town/other/witness"));
  }
}
