package dev.gttrainset.runners;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The JVM settings the job runs best with on the DirectRunner, applied by running it in a child JVM
 * when {@code java -jar} was not given them: a jar cannot set its own JVM's flags. Measured (README,
 * <i>The benchmark</i>): on two cores the C2 compiler took about 40% of a run's CPU and did not pay
 * it back there, so the job runs on C1's code alone ({@code -XX:TieredStopAtLevel=1}). Flink's own
 * loops (coders, sorting, shuffles) need C2: on Flink the job runs in the JVM it was given.
 *
 * <p>The child gets this JVM's own arguments too (heap, logging, those from {@code
 * JAVA_TOOL_OPTIONS}), the terminal, and the exit code back. It dies with its parent: a parent
 * stopped by a signal stops the child first, and a child that finds its parent gone (killed
 * outright) halts, so no orphan publishes a dataset that its scheduler thinks failed.
 *
 * <p>The job runs in this JVM instead on Flink, when it is the child, when the user chose a
 * compiler setting ({@code -XX:TieredStopAtLevel}, {@code -XX:±TieredCompilation}: the way to keep
 * C2), when a debugger is attached, or when it does not run from the jar.
 */
final class Relaunch {
  /** Set in the child: the parent's process id. */
  static final String PARENT = "gttrainset.parent";

  static final List<String> SETTINGS = List.of("-XX:TieredStopAtLevel=1");

  private static final List<String> CHOSEN_ELSEWHERE =
      List.of("-XX:TieredStopAtLevel", "-XX:+TieredCompilation", "-XX:-TieredCompilation", "-agentlib:jdwp", "-Xrunjdwp");

  private Relaunch() {}

  /**
   * The child's command, or empty when the job should run in this JVM.
   *
   * @param java this JVM's executable, if known
   * @param jvmArguments this JVM's arguments
   * @param classPath this JVM's class path: the jar, if the job runs as one
   * @param parent the parent's process id, in a child
   */
  static Optional<List<String>> command(
      Optional<String> java, List<String> jvmArguments, String classPath, String parent, String[] args) {
    boolean chosen = jvmArguments.stream().anyMatch(a -> CHOSEN_ELSEWHERE.stream().anyMatch(a::startsWith));
    boolean fromJar = classPath.endsWith(".jar") && !classPath.contains(File.pathSeparator);
    if (java.isEmpty() || chosen || !fromJar || parent != null || !Launcher.onDirectRunner(Arrays.asList(args))) {
      return Optional.empty();
    }
    List<String> command = new ArrayList<>();
    command.add(java.get());
    command.addAll(jvmArguments);
    command.addAll(SETTINGS);
    command.add("-D" + PARENT + "=" + ProcessHandle.current().pid());
    // As the jar, not on a class path: its manifest opens the JDK's packages embedded Flink uses.
    command.add("-jar");
    command.add(classPath);
    command.addAll(Arrays.asList(args));
    return Optional.of(command);
  }

  /** Runs the child to its end; its exit code. */
  static int run(List<String> command) {
    Process child;
    try {
      ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
      // Their options are among this JVM's arguments, which the child is given already.
      builder.environment().remove("JAVA_TOOL_OPTIONS");
      builder.environment().remove("JDK_JAVA_OPTIONS");
      child = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the job's JVM: " + String.join(" ", command), e);
    }
    Thread stopChild =
        new Thread(
            () -> {
              if (child.isAlive()) {
                child.destroy();
                try {
                  if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                  }
                } catch (InterruptedException e) {
                  child.destroyForcibly();
                }
              }
            },
            "gt-trainset-stop-child");
    Runtime.getRuntime().addShutdownHook(stopChild);
    while (true) {
      try {
        return child.waitFor();
      } catch (InterruptedException e) {
        // Only the child's end ends the wait; a signal ends it through the shutdown hook.
      }
    }
  }

  /** In the child: halt when the parent is gone. */
  static void dieWithParent(String parent) {
    ProcessHandle.of(Long.parseLong(parent))
        .map(ProcessHandle::onExit)
        .ifPresentOrElse(
            exit -> exit.thenRun(Relaunch::orphaned),
            Relaunch::orphaned);
  }

  private static void orphaned() {
    System.err.println("gt-trainset: the launching process is gone; stopping without publishing");
    Runtime.getRuntime().halt(1);
  }
}
