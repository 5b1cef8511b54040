package dev.gttrainset.report;

import static dev.gttrainset.report.Markdown.n;
import static dev.gttrainset.report.Markdown.plural;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What the report observes and recommends, as tables: each row a condition, what it observes when
 * the condition holds and what to do about it. Rows about a role, a training file or a source are
 * asked once for each; the rows about the whole run once. Findings keep the tables' order.
 */
final class Findings {
  /** A role with less than this share of the samples is under-represented. */
  static final BigDecimal UNDER_REPRESENTED_PCT = BigDecimal.valueOf(5);

  /** A role with more than this share of the samples dominates. */
  static final BigDecimal DOMINANT_PCT = BigDecimal.valueOf(40);

  private Findings() {}

  /** An observation, what to do about it, or both (either may be null). */
  record Finding(String observation, String recommendation) {}

  /** One row: when it holds, what is seen and what to do (either may be null). */
  private record Row<T>(Predicate<T> when, Function<T, String> observation, Function<T, String> recommendation) {
    void ask(T subject, List<Finding> findings) {
      if (when.test(subject)) {
        findings.add(new Finding(observation.apply(subject), recommendation.apply(subject)));
      }
    }
  }

  private static <T> Function<T, String> none() {
    return subject -> null;
  }

  /** A role as its rows see it. */
  private record Role(String name, BigDecimal share, long samples, long sessions, boolean severalRoles) {
    boolean rare() {
      return severalRoles && samples > 0 && share.compareTo(UNDER_REPRESENTED_PCT) < 0;
    }
  }

  /** A training file below OpenAI's minimum. */
  private record SmallFile(String file, long examples) {}

  /** A source the job looked for. */
  private record Source(String name, String path, boolean found, long failed) {
    String title() {
      return AvailabilityReport.SOURCE_TITLES.getOrDefault(name, name);
    }
  }

  /** The whole run as its rows see it. */
  private record Run(JsonNode stats, RunStats numbers, ReportContext context, List<String> rare, boolean smallFiles) {
    long count(String path) {
      return stats.at(path).asLong();
    }
  }

  private static final List<Row<Role>> ROLES =
      List.of(
          new Row<>(
              role -> role.severalRoles() && role.share().compareTo(DOMINANT_PCT) > 0,
              role -> String.format("**%s** has %s%% of the samples: it dominates.", role.name(), role.share()),
              role -> "Cap or down-weight " + role.name() + " samples when training, so the adapter does not"
                  + " learn one role's habits for all."),
          new Row<>(
              Role::rare,
              role -> String.format(
                  "**%s** has %s%% of the samples (%s): under %s%%, under-represented.",
                  role.name(), role.share(), n(role.samples()), UNDER_REPRESENTED_PCT),
              none()),
          new Row<>(
              role -> role.samples() == 0 && role.sessions() > 0,
              role -> String.format(
                  "**%s**: %s sessions gave no written sample (see rejects by role).", role.name(), n(role.sessions())),
              role -> "Look at the " + role.name() + " lines of `rejects.jsonl` to see why its sessions gave no sample."));

  private static final List<Row<SmallFile>> SMALL_FILES =
      List.of(new Row<>(file -> true, file -> TrainerMinimums.warning(file.file(), file.examples()), none()));

  private static final List<Row<Run>> BALANCE =
      List.of(
          new Row<>(
              Run::smallFiles,
              none(),
              run -> "For the OpenAI upload, train the roles below its minimum together with others, or collect more of"
                  + " their sessions; TRL and Axolotl take any number, though a few examples teach a role little."),
          new Row<>(
              run -> !run.rare().isEmpty(),
              none(),
              run -> "Collect more sessions of " + String.join(", ", run.rare()) + ", or oversample "
                  + String.join(", ", run.rare()) + " when training (`--balance=oversample`)."));

  private static final List<Row<Source>> SOURCES =
      List.of(
          new Row<>(
              source -> !source.found() && source.failed() > 0,
              source -> source.title() + " could not be read: " + plural(source.failed(), "file")
                  + " (or pages of a live server) failed, the dead letters say why: `" + source.path() + "`.",
              Findings::missingSourceAdvice),
          new Row<>(
              source -> !source.found() && source.failed() == 0,
              source -> source.title() + " not found: looked at `" + source.path() + "`.",
              Findings::missingSourceAdvice));

  private static final List<Row<Run>> RUN =
      List.of(
          new Row<>(
              run -> run.count("/roles/unknown/sessions") > 0,
              run -> String.format(
                  "%s of %s sessions (%s%%) could not be given a role and are in `unknown`.",
                  n(run.count("/roles/unknown/sessions")),
                  n(run.count("/sessions/total")),
                  StatsDocument.percent(run.count("/roles/unknown/sessions"), run.count("/sessions/total"))),
              run -> "If the unknown sessions are Gas Town's, give `--townRoot` the town root they were"
                  + " recorded under (as in `--townRoot=/srv/gt`), or `--town` the town whose"
                  + " `.events.jsonl` names them."),
          new Row<>(
              run -> run.count("/files/failed") > 0,
              run -> String.format(
                  "%s could not be read to the end (I/O errors or corrupt archives); their unread lines are not counted.",
                  plural(run.count("/files/failed"), "file")),
              run -> "Look at the files named in `dead_letters.jsonl` with reason `read-error` or `corrupt-archive`."),
          new Row<>(
              run -> run.count("/lines/dead_letters") > 0,
              run -> String.format(
                  "%s input lines could not be read (dead letters), most often `%s`.",
                  n(run.count("/lines/dead_letters")), mostCommon(run.stats().path("dead_letters"))),
              run -> "Inspect `dead_letters.jsonl`: each entry names the file, line and reason."),
          new Row<>(
              run -> run.count("/rejects/too-long") > 0,
              run -> String.format("%s samples were rejected as too long.", n(run.count("/rejects/too-long"))),
              run -> "Raise `--maxSampleTokens` (now " + run.context().settings().get("max_sample_tokens")
                  + ") or lower `--maxToolResultChars` to keep the too-long samples."),
          new Row<>(
              run -> run.count("/costs/records_unmatched") > 0,
              run -> String.format("%s cost records matched no session.", n(run.count("/costs/records_unmatched"))),
              run -> "Cost records match sessions by role, worker and time: check that the cost log and"
                  + " the sessions come from the same town and period."),
          new Row<>(
              run -> run.count("/sessions/without_event_before_first_session_start") > 0 && !firstSessionStart(run).isEmpty(),
              run -> String.format(
                  "`.events.jsonl` holds `session_start` events from %s on, the transcripts begin at %s: %s sessions"
                      + " before that have no event (pruned, or never written), their roles came from folders and markers."
                      + " Gas Town's daemon prunes the file in place every hour: `session_start` after 3 days, `done`"
                      + " after 14, patrols after 1, nothing archived.",
                  firstSessionStart(run),
                  run.stats().path("coverage").path("sessions").path("first").asText(),
                  n(run.count("/sessions/without_event_before_first_session_start"))),
              run -> "Keep a copy of `.events.jsonl` before the daemon prunes it: run the job nightly"
                  + " (`runners/orchestration/`), or copy the file every day and pass the copies' town as `--town`."),
          new Row<>(
              run -> run.stats().path("sources").path("beads").path("found").asBoolean() && run.count("/sources/beads/lines") == 0,
              run -> String.format(
                  "The %s beads files read hold no beads: current Gas Town keeps beads in Dolt and leaves"
                      + " `.beads/issues.jsonl` empty, so merge verdicts and the refinery's mail were not seen.",
                  n(run.count("/sources/beads/files"))),
              run -> "Export each beads database with `bd export --all` (merge requests and mail are ephemeral; a plain"
                  + " export leaves them out) and give the files to `--beads`."),
          new Row<>(
              run -> run.numbers().linesBalance() != 0 || run.numbers().samplesBalance() != 0,
              run -> "The accounting does not balance: some input or sample is unaccounted for.",
              run -> "Report this as a bug in gt-trainset with `stats.json` attached."));

  /** Every finding of a run, in the tables' order. */
  static List<Finding> of(JsonNode stats, ReportContext context) {
    List<Finding> findings = new ArrayList<>();
    List<Map.Entry<String, JsonNode>> ranked = AvailabilityReport.rolesBySamples(stats);
    boolean severalRoles = ranked.stream().filter(r -> r.getValue().path("samples").asLong() > 0).count() > 1;
    List<String> rare = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : ranked) {
      JsonNode counts = entry.getValue();
      Role role =
          new Role(
              entry.getKey(),
              counts.path("share_of_samples_pct").decimalValue(),
              counts.path("samples").asLong(),
              counts.path("sessions").asLong(),
              severalRoles);
      ROLES.forEach(row -> row.ask(role, findings));
      if (role.rare()) {
        rare.add(role.name());
      }
    }
    Map<String, Long> belowOpenAi = TrainerMinimums.belowOpenAi(stats);
    belowOpenAi.forEach((file, examples) -> SMALL_FILES.forEach(row -> row.ask(new SmallFile(file, examples), findings)));
    Run run = new Run(stats, RunStats.of(stats), context, rare, !belowOpenAi.isEmpty());
    BALANCE.forEach(row -> row.ask(run, findings));
    JsonNode sources = stats.path("sources");
    context.sourcePaths().forEach((name, path) -> {
      JsonNode source = sources.path(name);
      Source looked = new Source(name, path, source.path("found").asBoolean(), source.path("files_failed").asLong());
      SOURCES.forEach(row -> row.ask(looked, findings));
    });
    RUN.forEach(row -> row.ask(run, findings));
    return findings;
  }

  private static String firstSessionStart(Run run) {
    return run.stats().path("coverage").path("events_by_type").path("session_start").path("first").asText("");
  }

  private static String missingSourceAdvice(Source source) {
    String path = source.path();
    switch (source.name()) {
      case "sessions":
        return "Point `--sessions` at the Claude Code projects folder (looked at `" + path + "`).";
      case "events":
        return "Point `--town` at the town root that holds `.events.jsonl` (looked at `" + path
            + "`); without events, roles come from paths and markers only.";
      case "costs":
        return "Record costs with `gt costs record` in the agents' Stop hook, or point `--gtHome`"
            + " at the folder that holds `costs.jsonl` (looked at `" + path + "`).";
      case "cmd_usage":
        return "Point `--gtHome` at the folder that holds `cmd-usage*.jsonl` (looked at `" + path + "`).";
      case "beads":
        return "Export each rig's beads with `bd export --all` and give the files to `--beads`, or point `--town`"
            + " at a town whose rigs keep `.beads/issues.jsonl` (looked at `" + path + "`); without beads, outcomes"
            + " come from events and telemetry only.";
      default:
        return "Check the flag that names the " + source.title() + " (looked at `" + path + "`).";
    }
  }

  private static String mostCommon(JsonNode counts) {
    String best = "";
    long bestCount = -1;
    for (Iterator<Map.Entry<String, JsonNode>> it = counts.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().asLong() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue().asLong();
      }
    }
    return best;
  }
}
