package dev.gttrainset.runners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LauncherTest {
  @Test
  void theDirectRunnerIsToldNotToBlockSoProgressShowsNotToCheckEveryElementAndToReadInFewerGroups() {
    String[] runSettings = {"--blockOnRun=false", "--enforceImmutability=false", "--enforceEncodability=false", "--fileGroups=16"};
    assertArrayEquals(
        new String[] {"--output=o", runSettings[0], runSettings[1], runSettings[2], runSettings[3]},
        Launcher.withRunnerDefaults(new String[] {"--output=o"}));
    assertArrayEquals(
        new String[] {"--runner=DirectRunner", runSettings[0], runSettings[1], runSettings[2], runSettings[3]},
        Launcher.withRunnerDefaults(new String[] {"--runner=DirectRunner"}));
    assertTrue(
        Arrays.stream(Launcher.withRunnerDefaults(new String[] {"--runner=FlinkRunner", "--flinkMaster=h:8081"}))
            .noneMatch(a -> a.startsWith("--enforce") || a.startsWith("--fileGroups")),
        "the checks and the fewer groups are the DirectRunner's");
  }

  @Test
  void flinkReusesObjectsAndEmbeddedFlinkDoesNotCompressItsShuffles() throws IOException {
    assertArrayEquals(
        new String[] {"--runner=FlinkRunner", "--flinkMaster=localhost:8081", "--objectReuse=true"},
        Launcher.withRunnerDefaults(new String[] {"--runner=FlinkRunner", "--flinkMaster=localhost:8081"}));
    assertEquals(3, Launcher.withRunnerDefaults(new String[] {"--runner=FlinkRunner"}).length, "no master is embedded too");
    String[] local = Launcher.withRunnerDefaults(new String[] {"--runner=FlinkRunner", "--flinkMaster=[local]"});
    assertEquals(4, local.length);
    assertEquals("--objectReuse=true", local[2]);
    assertTrue(local[3].startsWith("--flinkConfDir="), local[3]);
    String conf = Files.readString(Path.of(local[3].substring("--flinkConfDir=".length()), "config.yaml"));
    assertTrue(conf.contains("taskmanager.network.batch-shuffle.compression.enabled: false"), conf);
  }

  @Test
  void explicitChoicesAreLeftAlone() {
    String[] checked = {"--blockOnRun=true", "--enforceImmutability=true", "--enforceEncodability", "--fileGroups=64"};
    assertArrayEquals(checked, Launcher.withRunnerDefaults(checked));
    String[] chosen = {"--runner=FlinkRunner", "--flinkMaster=[local]", "--objectReuse=false", "--flinkConfDir=/etc/flink"};
    assertArrayEquals(chosen, Launcher.withRunnerDefaults(chosen));
  }
}
