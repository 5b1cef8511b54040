package dev.gttrainset.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelaunchTest {
  private static final Optional<String> JAVA = Optional.of("/jdk/bin/java");
  private static final String[] ARGS = {"--output=o"};

  @Test
  void aJarRunWithoutTheSettingsIsRunAgainWithThemAndWithItsOwnArguments() {
    Optional<List<String>> child = Relaunch.command(JAVA, List.of("-Xmx1g", "-Xlog:gc"), "target/gt-trainset.jar", null, ARGS);
    assertEquals(
        List.of(
            "/jdk/bin/java", "-Xmx1g", "-Xlog:gc", "-XX:TieredStopAtLevel=1",
            "-D" + Relaunch.PARENT + "=" + ProcessHandle.current().pid(), "-jar", "target/gt-trainset.jar", "--output=o"),
        child.orElseThrow());
  }

  @Test
  void theJobRunsInThisJvmWhenTheUserChoseOrCannotBeRunAgain() {
    for (String chosen : List.of("-XX:TieredStopAtLevel=4", "-XX:+TieredCompilation", "-XX:-TieredCompilation",
        "-agentlib:jdwp=transport=dt_socket,server=y,address=5005")) {
      assertTrue(Relaunch.command(JAVA, List.of("-Xmx1g", chosen), "gt-trainset.jar", null, ARGS).isEmpty(), chosen);
    }
    assertTrue(Relaunch.command(JAVA, List.of(), "gt-trainset.jar", "4242", ARGS).isEmpty(), "the child itself");
    assertTrue(
        Relaunch.command(JAVA, List.of(), "gt-trainset.jar", null, new String[] {"--runner=FlinkRunner"}).isEmpty(),
        "Flink keeps C2");
    assertTrue(
        Relaunch.command(JAVA, List.of(), "gt-trainset.jar", null, new String[] {"--runner=DirectRunner"}).isPresent(),
        "the DirectRunner named");
    assertTrue(Relaunch.command(Optional.empty(), List.of(), "gt-trainset.jar", null, ARGS).isEmpty(), "no java to run");
    assertTrue(Relaunch.command(JAVA, List.of(), "target/classes", null, ARGS).isEmpty(), "not from the jar");
    assertTrue(Relaunch.command(JAVA, List.of(), "a.jar" + File.pathSeparator + "b.jar", null, ARGS).isEmpty(), "a class path");
  }
}
