package dev.gttrainset.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.parse.GtLog;
import dev.gttrainset.parse.SessionRoots;
import dev.gttrainset.role.TownLayout;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the job reads and writes, resolved from the options once, before the pipeline is built:
 * '~' expanded, folders turned into file patterns, the town's rigs listed.
 */
public final class JobPaths implements Serializable {
  private static final String GLOB_CHARS = "*?[{";

  /** In --output, stands for the window's day: {@code out/dt={date}}. */
  static final String DATE_TEMPLATE = "{date}";
  private static final List<String> RIG_FOLDERS = List.of("witness", "refinery", "crew", "polecats");

  /** The default of {@code --sessions}: with it, every account's transcripts are read too. */
  static final String DEFAULT_SESSIONS = "~/.claude/projects";

  private final SessionRoots sessionRoots;
  private final String town;
  private final String gtHome;
  private final String output;
  private final List<String> layoutHints;
  private final List<String> publishedDatasets;
  private final List<GtLog> observability;

  private JobPaths(
      SessionRoots sessionRoots,
      String town,
      String gtHome,
      String output,
      List<String> layoutHints,
      List<String> publishedDatasets,
      List<GtLog> observability) {
    this.sessionRoots = sessionRoots;
    this.town = town;
    this.gtHome = gtHome;
    this.output = output;
    this.layoutHints = List.copyOf(layoutHints);
    this.publishedDatasets = List.copyOf(publishedDatasets);
    this.observability = List.copyOf(observability);
  }

  /**
   * @param day what {@code {date}} in {@code --output} stands for
   */
  public static JobPaths resolve(GtTrainsetOptions options, Map<String, String> environment, LocalDate day)
      throws UsageException {
    String home = System.getProperty("user.home");
    List<SessionRoots.Root> roots = new ArrayList<>();
    for (String sessions : options.getSessions().split(",")) {
      if (!sessions.isBlank()) {
        roots.add(sessionRoot(expand(sessions.strip(), home)));
      }
    }
    if (options.getSessions().equals(DEFAULT_SESSIONS)) {
      for (Path folder : accountProjects(Paths.get(home, ".claude-accounts"))) {
        roots.add(sessionRoot(folder.toString()));
      }
    }
    if (roots.isEmpty()) {
      throw new UsageException("--sessions: give a folder or glob of transcripts");
    }

    Path town = absolute(expand(options.getTown(), home));
    String gtHomeOption = options.getGtHome();
    if (gtHomeOption.isEmpty()) {
      String gtHomeEnv = environment.getOrDefault("GT_HOME", "");
      gtHomeOption = gtHomeEnv.isEmpty() ? "~/.gt" : gtHomeEnv + "/.gt";
    }
    Path gtHome = absolute(expand(gtHomeOption, home));
    Path output = absolute(expand(options.getOutput().replace(DATE_TEMPLATE, day.toString()), home));
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new UsageException("--output: " + output + " exists and is not a folder");
    }

    List<String> hints = new ArrayList<>();
    hints.add(TownLayout.rootHint(town.toString()));
    for (String recorded : options.getTownRoot().split(",")) {
      if (!recorded.isBlank()) {
        hints.add(TownLayout.rootHint(expand(recorded.strip(), home)));
      }
    }
    rigsOf(town).forEach(rig -> hints.add(TownLayout.rigHint(rig)));
    hints.addAll(registeredRigs(town.resolve("mayor/rigs.json")));
    List<String> published =
        options.getDedupAgainst().isBlank()
            ? List.of()
            : publishedDatasets(absolute(expand(options.getDedupAgainst(), home)), output);
    List<GtLog> observability = new ArrayList<>();
    addLogs(observability, GtRecord.OTEL_LOGS, options.getOtelLogs(), "otel", home);
    addLogs(observability, GtRecord.METRICS, options.getMetricsExport(), "metrics", home);
    String beads = options.getBeads().isBlank() ? town + "/.beads/issues.jsonl," + town + "/*/.beads/issues.jsonl" : options.getBeads();
    addLogs(observability, GtRecord.BEADS, beads, "beads", home);
    return new JobPaths(
        SessionRoots.of(roots), town.toString(), gtHome.toString(), output.toString(), hints, published, observability);
  }

  /** A folder of transcripts (searched recursively) or a glob, with the folder its paths are relative to. */
  private static SessionRoots.Root sessionRoot(String sessions) throws UsageException {
    int glob = firstGlobChar(sessions);
    if (glob >= 0) {
      String pattern = sessions.startsWith("/") ? sessions : absolute(".") + "/" + sessions;
      glob = firstGlobChar(pattern);
      int slash = pattern.lastIndexOf('/', glob);
      return new SessionRoots.Root(pattern, slash <= 0 ? "/" : pattern.substring(0, slash));
    }
    Path path = Paths.get(sessions).toAbsolutePath().normalize();
    if (!Files.exists(path)) {
      throw new UsageException("--sessions: " + path + " does not exist");
    }
    boolean folder = Files.isDirectory(path);
    return new SessionRoots.Root(folder ? path + "/**" : path.toString(), folder ? path.toString() : String.valueOf(path.getParent()));
  }

  /**
   * The transcript folders of Claude Code's other accounts: Gas Town gives each account its own
   * {@code CLAUDE_CONFIG_DIR}, {@code ~/.claude-accounts/<handle>}, with its own {@code projects}.
   */
  static List<Path> accountProjects(Path accounts) {
    List<Path> folders = new ArrayList<>();
    if (!Files.isDirectory(accounts)) {
      return folders;
    }
    try (Stream<Path> handles = Files.list(accounts)) {
      handles.map(handle -> handle.resolve("projects")).filter(Files::isDirectory).sorted().forEach(folders::add);
    } catch (IOException e) {
      // Unreadable accounts only cost us their transcripts; the report shows what was read.
    }
    return folders;
  }

  /** A log for each of a comma-separated list of paths or patterns. */
  private static void addLogs(List<GtLog> logs, String source, String paths, String label, String home) {
    for (String path : paths.split(",")) {
      if (!path.isBlank()) {
        String expanded = expand(path.strip(), home);
        logs.add(GtLog.create(source, expanded.startsWith("/") ? expanded : absolute(".") + "/" + expanded, label));
      }
    }
  }

  /**
   * The dataset files of the earlier partitions under {@code folder}: subfolders with {@code
   * _SUCCESS} (a failed run published nothing), never the run's own output.
   */
  private static List<String> publishedDatasets(Path folder, Path output) {
    List<String> patterns = new ArrayList<>();
    if (!Files.isDirectory(folder)) {
      return patterns;
    }
    try (Stream<Path> partitions = Files.list(folder)) {
      partitions
          .filter(Files::isDirectory)
          .filter(p -> !p.toAbsolutePath().normalize().equals(output))
          .filter(p -> Files.isRegularFile(p.resolve("_SUCCESS")))
          .sorted()
          .forEach(
              p -> {
                patterns.add(p + "/*_train.jsonl");
                patterns.add(p + "/*_val.jsonl");
                // Where --format=openai keeps the metadata.
                patterns.add(p + "/*_train.meta.jsonl");
                patterns.add(p + "/*_val.meta.jsonl");
              });
    } catch (IOException e) {
      // An unreadable history publishes nothing; the report shows no partitions were read.
    }
    return patterns;
  }

  /** Where the transcripts are: every folder or glob of {@code --sessions}. */
  public SessionRoots sessionRoots() {
    return sessionRoots;
  }

  public String output() {
    return output;
  }

  /** Where the pipeline writes; the files move to {@link #output()} once the run has passed. */
  public String staging() {
    return output + "/" + OutputFolder.STAGING;
  }

  public List<String> layoutHints() {
    return layoutHints;
  }

  /** The dataset files of earlier partitions ({@code --dedupAgainst}), as file patterns. */
  public List<String> publishedDatasets() {
    return publishedDatasets;
  }

  /** The Gas Town logs, where each is looked for. */
  public List<GtLog> gtLogs() {
    List<GtLog> logs = new ArrayList<>();
    logs.add(GtLog.create(GtRecord.EVENTS, town + "/.events.jsonl", "town"));
    logs.add(GtLog.create(GtRecord.COSTS, gtHome + "/costs.jsonl", "gt_home"));
    // cmd-usage.jsonl (Gas Town never rotates it), and copies a user rotated or gzipped.
    logs.add(GtLog.create(GtRecord.COMMANDS, gtHome + "/cmd-usage*.jsonl*", "gt_home"));
    // OpenTelemetry logs and metrics when given; beads from the town's rigs unless given.
    logs.addAll(observability);
    return logs;
  }

  /** Every source by the name the statistics use, with the path or pattern it was read from. */
  public Map<String, String> sourcePaths() {
    Map<String, String> paths = new java.util.LinkedHashMap<>();
    paths.put("sessions", sessionRoots.describe());
    gtLogs().forEach(log -> paths.merge(log.source(), log.filepattern(), (a, b) -> a + "," + b));
    return paths;
  }

  /** Folders of the town that look like rigs: they hold a witness, refinery, crew or polecats. */
  private static List<String> rigsOf(Path town) {
    List<String> rigs = new ArrayList<>();
    if (!Files.isDirectory(town)) {
      return rigs;
    }
    try (Stream<Path> children = Files.list(town)) {
      children
          .filter(Files::isDirectory)
          .filter(dir -> RIG_FOLDERS.stream().anyMatch(f -> Files.isDirectory(dir.resolve(f))))
          .map(dir -> dir.getFileName().toString())
          .sorted()
          .forEach(rigs::add);
    } catch (IOException e) {
      // An unreadable town only costs us the rig hints; the events still name the rigs.
    }
    return rigs;
  }

  /**
   * The rigs the town registered and their beads prefixes, which name their agents' tmux sessions:
   * {@code {"rigs":{"gastown":{"beads":{"prefix":"gt"}}}}}. A town without the file (older towns,
   * a copy of the logs alone) learns prefixes from its cost records instead.
   */
  static List<String> registeredRigs(Path rigsJson) {
    List<String> hints = new ArrayList<>();
    if (!Files.isRegularFile(rigsJson)) {
      return hints;
    }
    try {
      JsonNode rigs = new ObjectMapper().readTree(rigsJson.toFile()).path("rigs");
      rigs.fieldNames().forEachRemaining(rig -> {
        hints.add(TownLayout.rigHint(rig));
        String prefix = rigs.path(rig).path("beads").path("prefix").asText("");
        if (!prefix.isEmpty()) {
          hints.add(TownLayout.prefixHint(prefix, rig));
        }
      });
    } catch (IOException e) {
      // A broken registry only costs us its hints; the cost records still show the prefixes.
    }
    return hints;
  }

  private static int firstGlobChar(String path) {
    for (int i = 0; i < path.length(); i++) {
      if (GLOB_CHARS.indexOf(path.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static Path absolute(String path) {
    return Paths.get(path).toAbsolutePath().normalize();
  }

  private static String expand(String path, String home) {
    if (path.equals("~")) {
      return home;
    }
    return path.startsWith("~/") ? home + path.substring(1) : path;
  }
}
