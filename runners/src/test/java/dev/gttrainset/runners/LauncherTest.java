package dev.gttrainset.runners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class LauncherTest {
  @Test
  void theDirectRunnerIsToldNotToBlockSoProgressShows() {
    assertArrayEquals(
        new String[] {"--output=o", "--blockOnRun=false"}, Launcher.withRunnerDefaults(new String[] {"--output=o"}));
    assertArrayEquals(
        new String[] {"--runner=DirectRunner", "--blockOnRun=false"},
        Launcher.withRunnerDefaults(new String[] {"--runner=DirectRunner"}));
  }

  @Test
  void otherRunnersAndExplicitChoicesAreLeftAlone() {
    assertArrayEquals(
        new String[] {"--runner=FlinkRunner"}, Launcher.withRunnerDefaults(new String[] {"--runner=FlinkRunner"}));
    assertArrayEquals(
        new String[] {"--blockOnRun=true"}, Launcher.withRunnerDefaults(new String[] {"--blockOnRun=true"}));
  }
}
