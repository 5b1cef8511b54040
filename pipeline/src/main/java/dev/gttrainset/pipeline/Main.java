package dev.gttrainset.pipeline;

import dev.gttrainset.parse.GtLog;
import dev.gttrainset.parse.VictoriaQuery;
import dev.gttrainset.gate.LeakCheck;
import dev.gttrainset.gate.OutputGate;
import dev.gttrainset.report.RunStats;
import dev.gttrainset.report.Summary;
import dev.gttrainset.scrub.ScrubRules;
import dev.gttrainset.parse.RunWindow;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.FileSystems;
import org.apache.beam.sdk.io.fs.EmptyMatchTreatment;
import org.apache.beam.sdk.io.fs.MatchResult;
import org.apache.beam.sdk.options.PipelineOptionsFactory;

/**
 * Runs the job and speaks to whoever launched it: progress while it runs, a summary at the end,
 * and an exit code a scheduler can act on.
 */
public final class Main {
  /** All outputs written, {@code _SUCCESS} last. */
  public static final int EXIT_OK = 0;
  /** Anything else went wrong; running again may help. */
  public static final int EXIT_FAILED = 1;
  /** Bad options or unusable input; running again unchanged will not help. */
  public static final int EXIT_USAGE = 2;
  /** The leak gate found a secret with --leakGate=fail, or in the report; running again unchanged will not help. */
  public static final int EXIT_LEAK = 3;

  /** How many leak gate findings are printed; all of them are in leak_gate.json. */
  private static final int PRINTED_FINDINGS = 20;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
      PipelineOptionsFactory.printHelp(out, GtTrainsetOptions.class);
      return EXIT_OK;
    }
    GtTrainsetOptions options;
    JobPaths paths;
    RunWindow window;
    List<VictoriaQuery> live;
    Instant now = Instant.now();
    try {
      PipelineOptionsFactory.register(GtTrainsetOptions.class);
      options = PipelineOptionsFactory.fromArgs(args).withValidation().as(GtTrainsetOptions.class);
      validate(options);
      window = RunWindows.fromOptions(options, now);
      paths = JobPaths.resolve(options, System.getenv(), RunWindows.day(options, now));
      live = LiveTelemetry.fromOptions(options, now);
      FileSystems.setDefaultPipelineOptions(options);
      long transcripts = countTranscripts(paths.sessionRoots().patterns());
      if (transcripts == 0) {
        throw new UsageException("--sessions: no *.jsonl or *.jsonl.gz under " + paths.sessionRoots().describe());
      }
      out.printf(Locale.ROOT, "gt-trainset: %,d transcript files match %s%n", transcripts, paths.sessionRoots().describe());
      for (GtLog log : paths.gtLogs()) {
        long files = FileSystems.match(log.filepattern(), EmptyMatchTreatment.ALLOW).metadata().size();
        out.printf(
            Locale.ROOT, "gt-trainset: %-9s %s (%s)%n", log.source(), log.filepattern(), files > 0 ? "found" : "missing");
      }
      for (VictoriaQuery query : live) {
        out.printf(Locale.ROOT, "gt-trainset: %-9s %s (live, %,d pages)%n", query.source(), query.describe(), query.pages().size());
      }
    } catch (UsageException | IllegalArgumentException e) {
      err.println("gt-trainset: " + e.getMessage());
      err.println("gt-trainset: run with --help for the options");
      return EXIT_USAGE;
    } catch (IOException e) {
      err.println("gt-trainset: could not look at the inputs: " + e);
      return EXIT_FAILED;
    }

    OutputFolder output = new OutputFolder(paths.output());
    try {
      output.clearEarlierRun();
      Pipeline pipeline = Pipeline.create(options);
      GtTrainsetPipeline.build(pipeline, options, paths, window, live);
      out.printf(Locale.ROOT, "gt-trainset: running on %s%n", options.getRunner().getSimpleName());
      long pipelineStart = System.nanoTime();
      PipelineResult.State state = Progress.follow(pipeline.run(), out);
      long pipelineEnd = System.nanoTime();
      if (state != PipelineResult.State.DONE) {
        err.println("gt-trainset: the pipeline ended " + state + "; no _SUCCESS written");
        return EXIT_FAILED;
      }
      output.completeStaging();
      RunStats stats = RunStats.read(output.staging().resolve(OutputFolder.STATS));
      Summary.print(stats, out);
      long gateStart = System.nanoTime();
      OutputGate.Mode mode = OutputGate.Mode.parse(options.getLeakGate());
      long inPipeline = stats.leakGate().findings();
      LeakGate gate = new LeakGate(LeakCheck.withDefaultRules());
      List<LeakGate.Finding> leaks =
          mode == OutputGate.Mode.FAIL && inPipeline > 0 ? gate.scan(output.staging()) : gate.scanReports(output.staging());
      if (!leaks.isEmpty()) {
        LeakGate.writeReport(output.path(), leaks);
        err.printf(
            Locale.ROOT,
            "gt-trainset: LEAK GATE FAILED: %,d secrets found in the outputs;"
                + " nothing published, no _SUCCESS written. Locations (file:line rule):%n",
            leaks.size());
        leaks.stream().limit(PRINTED_FINDINGS).forEach(leak -> err.println("  " + leak));
        err.println("gt-trainset: every location is in " + output.path().resolve(LeakGate.REPORT_FILE));
        err.println("gt-trainset: the unpublished files are in " + output.staging() + " until the next run");
        return EXIT_LEAK;
      }
      long gateEnd = System.nanoTime();
      long quarantined = stats.leakGate().quarantined();
      if (quarantined > 0) {
        out.printf(
            Locale.ROOT,
            "gt-trainset: leak gate quarantined %,d samples (%,d findings): left out, listed in rejects.jsonl as %s%n",
            quarantined,
            inPipeline,
            OutputGate.REASON);
      }
      out.printf(
          Locale.ROOT,
          "gt-trainset: leak gate passed: no secret in any published output (pipeline %.1f s, report check %.1f s)%n",
          (pipelineEnd - pipelineStart) / 1e9,
          (gateEnd - gateStart) / 1e9);
      String tooMuchWaste = DeadLetterRatio.check(stats, options.getMaxDeadLetterRatio());
      if (tooMuchWaste != null) {
        err.println(
            "gt-trainset: " + tooMuchWaste + "; nothing published, no _SUCCESS written. See "
                + output.staging().resolve("dead_letters.jsonl"));
        return EXIT_USAGE;
      }
      output.publish();
      output.markSuccess();
      out.println("gt-trainset: report " + output.path().resolve(OutputFolder.REPORT));
      return EXIT_OK;
    } catch (Exception e) {
      err.println("gt-trainset: the run failed; no _SUCCESS written: " + e);
      e.printStackTrace(err);
      return EXIT_FAILED;
    }
  }

  private static void validate(GtTrainsetOptions options) throws UsageException {
    OptionValues.shape(options);
    OptionValues.leakGate(options);
    Set<String> unknown = new TreeSet<>(OptionValues.skippedRules(options));
    unknown.removeAll(ScrubRules.ids());
    if (!unknown.isEmpty()) {
      throw new UsageException("--skipScrubRules: no such rule " + unknown + "; rules are " + ScrubRules.ids());
    }
    if (options.getValFraction() < 0 || options.getValFraction() > 1) {
      throw new UsageException("--valFraction must be between 0 and 1");
    }
    if (options.getMaxSampleTokens() <= 0) {
      throw new UsageException("--maxSampleTokens must be positive");
    }
    if (options.getMaxDeadLetterRatio() < 0 || options.getMaxDeadLetterRatio() > 1) {
      throw new UsageException("--maxDeadLetterRatio must be between 0 and 1");
    }
    try {
      OptionValues.roleBalance(options);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    if (options.getMinScore() < 0 || options.getMinScore() > 1) {
      throw new UsageException("--minScore must be between 0 and 1");
    }
    if (options.getNearDupThreshold() < 0 || options.getNearDupThreshold() > 1) {
      throw new UsageException("--nearDupThreshold must be between 0 and 1");
    }
    if (options.getMaxToolResultChars() < 100) {
      throw new UsageException("--maxToolResultChars must be at least 100");
    }
    if (options.getFileGroups() < 1) {
      throw new UsageException("--fileGroups must be at least 1");
    }
  }

  private static long countTranscripts(List<String> patterns) throws IOException {
    long count = 0;
    for (MatchResult result : FileSystems.match(patterns, EmptyMatchTreatment.ALLOW)) {
      count += result.metadata().stream()
          .map(m -> m.resourceId().getFilename())
          .filter(name -> name != null && (name.endsWith(".jsonl") || name.endsWith(".jsonl.gz")))
          .count();
    }
    return count;
  }
}
