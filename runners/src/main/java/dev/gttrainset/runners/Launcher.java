package dev.gttrainset.runners;

import dev.gttrainset.pipeline.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The shaded jar's entry point: the job's JVM settings ({@link Relaunch}), runner-specific launch
 * settings, then the job. Each default is added only when the user did not set the option.
 *
 * <ul>
 *   <li>DirectRunner: {@code --blockOnRun=false}; it blocks in {@code run()} by default, which
 *       would silence progress.
 *   <li>DirectRunner: {@code --enforceImmutability=false --enforceEncodability=false}. These
 *       checks copy every element through its coder after every step, to catch a step that
 *       changes its input or an element its coder cannot carry: bugs of the job, which its tests
 *       look for with both on (TestPipeline and {@code Main} keep the DirectRunner's defaults).
 *       A run pays them on every element and writes the same bytes without them (on a 150 MB
 *       town they were 60% of the run).
 *   <li>DirectRunner: {@code --fileGroups=16}. It makes a bundle of each group of files for every
 *       step up to the first shuffle, and retries each bundle that waits on a side input on every
 *       turn of its scheduler: 16 groups rather than 64 took a 150 MB town's bundles from 20,346
 *       to 8,111, and its run from 59 s to 35 s; they still spread a 1 GB town over the threads (with
 *       8 groups it took 152 s, with 16 126 s).
 *   <li>FlinkRunner: {@code --objectReuse=true}; the job's elements are immutable, and without it
 *       Flink copies every element through its coder between chained steps.
 *   <li>Flink in this JVM ({@code [local]}, {@code [auto]} or no master): {@code --flinkConfDir} with {@value #LOCAL_FLINK_CONF}, which
 *       switches off the compression of shuffled data: on one machine it costs CPU, the scarce
 *       resource, and saves no network.
 * </ul>
 */
public final class Launcher {
  static final String LOCAL_FLINK_CONF = "flink-local/config.yaml";
  /** Fewer bundles than Flink's 64 groups, enough to balance the reading of a big town over its threads. */
  static final int DIRECT_FILE_GROUPS = 16;

  private Launcher() {}

  public static void main(String[] args) {
    String parent = System.getProperty(Relaunch.PARENT);
    if (parent != null) {
      Relaunch.dieWithParent(parent);
    }
    Optional<List<String>> child =
        Relaunch.command(
            ProcessHandle.current().info().command(),
            ManagementFactory.getRuntimeMXBean().getInputArguments(),
            System.getProperty("java.class.path"),
            parent,
            args);
    System.exit(child.isPresent() ? Relaunch.run(child.get()) : Main.run(withRunnerDefaults(args), System.out, System.err));
  }

  static String[] withRunnerDefaults(String[] args) {
    List<String> all = new ArrayList<>(Arrays.asList(args));
    boolean direct = onDirectRunner(all);
    boolean flink = all.contains("--runner=FlinkRunner");
    if (direct) {
      addUnlessGiven(all, "--blockOnRun=false");
      addUnlessGiven(all, "--enforceImmutability=false");
      addUnlessGiven(all, "--enforceEncodability=false");
      addUnlessGiven(all, "--fileGroups=" + DIRECT_FILE_GROUPS);
    }
    if (flink) {
      addUnlessGiven(all, "--objectReuse=true");
    }
    if (flink && embedded(all) && !given(all, "--flinkConfDir")) {
      all.add("--flinkConfDir=" + localFlinkConf());
    }
    return all.toArray(new String[0]);
  }

  static boolean onDirectRunner(List<String> args) {
    return args.stream().noneMatch(a -> a.startsWith("--runner=")) || args.contains("--runner=DirectRunner");
  }

  private static void addUnlessGiven(List<String> args, String setting) {
    if (!given(args, setting.substring(0, setting.indexOf('=')))) {
      args.add(setting);
    }
  }

  /** No master, {@code [local]} or {@code [auto]} outside a cluster: Flink runs in this JVM. */
  private static boolean embedded(List<String> args) {
    return !given(args, "--flinkMaster") || args.contains("--flinkMaster=[local]") || args.contains("--flinkMaster=[auto]");
  }

  private static boolean given(List<String> args, String option) {
    return args.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
  }

  /** The embedded cluster's configuration, from the jar into a folder of its own. */
  private static Path localFlinkConf() {
    try (InputStream in = Launcher.class.getResourceAsStream("/" + LOCAL_FLINK_CONF)) {
      if (in == null) {
        throw new IllegalStateException(LOCAL_FLINK_CONF + " is missing from the jar");
      }
      Path folder = Files.createTempDirectory("gt-trainset-flink-");
      Path file = folder.resolve("config.yaml");
      // Deleted at exit in the reverse order: the file, then its folder.
      folder.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      file.toFile().deleteOnExit();
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the embedded Flink configuration", e);
    }
  }
}
