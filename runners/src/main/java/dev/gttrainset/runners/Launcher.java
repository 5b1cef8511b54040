package dev.gttrainset.runners;

import dev.gttrainset.pipeline.Main;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The shaded jar's entry point: runner-specific launch settings, then the job. The DirectRunner
 * blocks in {@code run()} by default, which would silence progress; here it is told not to, unless
 * the user said otherwise.
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {
    System.exit(Main.run(withRunnerDefaults(args), System.out, System.err));
  }

  static String[] withRunnerDefaults(String[] args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    boolean direct = all.stream().noneMatch(a -> a.startsWith("--runner=")) || all.contains("--runner=DirectRunner");
    boolean chosen = all.stream().anyMatch(a -> a.startsWith("--blockOnRun"));
    if (direct && !chosen) {
      all.add("--blockOnRun=false");
    }
    return all.toArray(new String[0]);
  }
}
