package dev.gttrainset.runners;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar} runs the job in a child JVM with the job's settings, which ends with its parent. */
class RelaunchIT {
  private static final Path ROOT = Paths.get(System.getProperty("gt.root", "..")).toAbsolutePath().normalize();
  private static final String JAR = ROOT.resolve("runners/target/gt-trainset.jar").toString();

  @TempDir Path work;

  @Test
  void theChildsExitCodeIsTheRunsExitCode() throws Exception {
    Process run = new ProcessBuilder("java", "-jar", JAR, "--noSuchOption=1").redirectErrorStream(true).start();
    String printed = new String(run.getInputStream().readAllBytes());
    assertEquals(2, run.waitFor(), printed);
  }

  @Test
  void aChildWhoseParentIsKilledStopsWithoutPublishing() throws Exception {
    Path output = work.resolve("out");
    Process parent =
        new ProcessBuilder(
                "java", "-jar", JAR, "--sessions=" + ROOT.resolve("testdata/claude/projects"), "--town=" + ROOT.resolve("testdata/town"),
                "--gtHome=" + ROOT.resolve("testdata/gt"), "--output=" + output)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("run.log").toFile())
            .start();
    ProcessHandle child = childOf(parent);
    List<String> arguments = Arrays.asList(child.info().arguments().orElseThrow());
    assertTrue(arguments.containsAll(Relaunch.SETTINGS), arguments.toString());
    assertTrue(arguments.contains("-D" + Relaunch.PARENT + "=" + parent.pid()), arguments.toString());

    parent.destroyForcibly().waitFor();
    child.onExit().get(30, TimeUnit.SECONDS);
    assertFalse(child.isAlive(), "the child ends when its parent is killed");
    assertFalse(Files.exists(output.resolve("_SUCCESS")), "a run whose launcher was killed publishes nothing");
  }

  private static ProcessHandle childOf(Process parent) throws InterruptedException {
    for (int tries = 0; tries < 300; tries++) {
      Optional<ProcessHandle> child = parent.children().findFirst();
      if (child.isPresent() && child.get().info().arguments().isPresent()) {
        return child.get();
      }
      assertTrue(parent.isAlive(), "the launcher ended before it started the job's JVM");
      Thread.sleep(100);
    }
    throw new AssertionError("no child JVM after 30 s");
  }
}
