package dev.gttrainset.pipeline;

import dev.gttrainset.parse.SpreadFiles;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** The job's command line. {@code --help} prints these descriptions. */
public interface GtTrainsetOptions extends PipelineOptions {
  @Description(
      "Claude Code transcripts: folders (searched recursively for *.jsonl and *.jsonl.gz, "
          + "subagent files included) or globs, comma-separated. '~' is your home. The default also "
          + "reads every ~/.claude-accounts/<handle>/projects (Gas Town's other accounts) that exists.")
  @Default.String("~/.claude/projects")
  String getSessions();

  void setSessions(String value);

  @Description(
      "The Gas Town root, where .events.jsonl lives (the town root, not ~/.gt). A town without "
          + "events is reported, not an error.")
  @Default.String("~/gt")
  String getTown();

  void setTown(String value);

  @Description(
      "The folder with costs.jsonl and cmd-usage*.jsonl. Default: $GT_HOME/.gt when GT_HOME is "
          + "set, else ~/.gt. Missing files are reported, not an error.")
  @Default.String("")
  String getGtHome();

  void setGtHome(String value);

  @Description(
      "Where the town lived on the machine that recorded the sessions, e.g. /home/ubuntu/gt "
          + "(comma-separated for several). Usually learned from the events; give it when "
          + "sessions come out unknown.")
  @Default.String("")
  String getTownRoot();

  void setTownRoot(String value);

  @Description(
      "The output folder: <role>_train.jsonl, <role>_val.jsonl, rejects.jsonl, "
          + "dead_letters.jsonl, stats.json, REPORT.md, report.html and _SUCCESS last. {date} in it becomes the"
          + " window's day (the date of --since, else today, in UTC), e.g. out/dt={date}.")
  @Validation.Required
  String getOutput();

  void setOutput(String value);

  @Description(
      "Record format: chat (messages with tool_calls whose arguments are objects, tools, metadata: TRL,"
          + " Axolotl, vLLM), openai (exactly what OpenAI's fine-tuning upload accepts; metadata in"
          + " <file>.meta.jsonl beside) or sharegpt (conversations and tools: Axolotl, LLaMA-Factory).")
  @Default.String("chat")
  String getFormat();

  void setFormat(String value);

  @Description(
      "Tool call ids: original (Claude's) or short (9 letters and digits, unique per sample, for"
          + " Mistral's templates).")
  @Default.String("original")
  String getToolCallIds();

  void setToolCallIds(String value);

  @Description(
      "Tool calls per assistant message: any, or one (each call its own message followed by its"
          + " reply, text beside calls in a message of its own, for Llama 3.x templates).")
  @Default.String("any")
  String getToolCallsPerMessage();

  void setToolCallsPerMessage(String value);

  @Description("Share of sessions held out for validation, chosen by a hash of the session id.")
  @Default.Double(0.05)
  double getValFraction();

  void setValFraction(double value);

  @Description(
      "Largest sample, in estimated tokens (about 4 characters each). Exchanges are packed into "
          + "windows up to this size and a longer one is cut at turn boundaries into several; only a "
          + "single turn above it is rejected as too-long.")
  @Default.Long(16_384L)
  long getMaxSampleTokens();

  void setMaxSampleTokens(long value);

  @Description(
      "The least a long tool output keeps, in characters, when its window is full: the budget "
          + "decides how much more stays. A shortened output keeps the lines a later edit changes, "
          + "its head and its tail (a test log mostly its tail) around a marker of what was left out.")
  @Default.Integer(4_000)
  int getMaxToolResultChars();

  void setMaxToolResultChars(int value);

  @Description("Keep the assistant's thinking, inline in <think> tags before its answer.")
  @Default.Boolean(false)
  boolean getKeepThinking();

  void setKeepThinking(boolean value);

  @Description(
      "What the leak gate does with an output line in which it finds a secret: quarantine (the"
          + " default: the sample is left out and listed in rejects.jsonl as leak-gate with the rule and"
          + " place, never the text; the rest is published) or fail (nothing is published, exit 3).")
  @Default.String("quarantine")
  String getLeakGate();

  void setLeakGate(String value);

  @Description(
      "Scrub rule ids to switch off in the scrubber, comma-separated; the leak gate still checks"
          + " them all. Only for proving that the gate fails a run that lets a secret through.")
  @Default.String("")
  String getSkipScrubRules();

  void setSkipScrubRules(String value);

  @Description(
      "Take only sessions whose last record is at or after this time (ISO-8601, e.g."
          + " 2026-11-24 or 2026-11-24T00:00:00Z). With --until it makes the run a window of a"
          + " schedule.")
  @Default.String("")
  String getSince();

  void setSince(String value);

  @Description("Take only sessions whose last record is before this time (ISO-8601).")
  @Default.String("")
  String getUntil();

  void setUntil(String value);

  @Description(
      "A session whose files changed, and whose last record was written, in the last this many"
          + " minutes is still being written: it is skipped, listed in the report, and taken by a"
          + " later run.")
  @Default.Integer(10)
  int getSettleMinutes();

  void setSettleMinutes(int value);

  @Description(
      "A folder whose subfolders are earlier output partitions (those with _SUCCESS): samples"
          + " they published are not written again. The run's own partition is never read.")
  @Default.String("")
  String getDedupAgainst();

  void setDedupAgainst(String value);

  @Description(
      "OpenTelemetry logs exported from VictoriaLogs (/select/logsql/query, one JSON object a line):"
          + " files or patterns, comma-separated. Their exit_type scores the sessions they name.")
  @Default.String("")
  String getOtelLogs();

  void setOtelLogs(String value);

  @Description(
      "Metric series exported from VictoriaMetrics (/api/v1/export, JSON lines): files or patterns,"
          + " comma-separated. Token and cost series are joined to sessions by their labels.")
  @Default.String("")
  String getMetricsExport();

  void setMetricsExport(String value);

  @Description(
      "A live VictoriaLogs server to read OpenTelemetry logs from, e.g. http://localhost:9428: asked"
          + " for --telemetryFrom to --telemetryTo in pages of an hour (a full page is split), read"
          + " with the parser of --otelLogs. A server that fails leaves a dead letter, fetch-failed.")
  @Default.String("")
  String getVictoriaLogsUrl();

  void setVictoriaLogsUrl(String value);

  @Description("The LogsQL query for --victoriaLogsUrl.")
  @Default.String("*")
  String getVictoriaLogsQuery();

  void setVictoriaLogsQuery(String value);

  @Description(
      "A live VictoriaMetrics server to export token and cost series from (/api/v1/export), e.g."
          + " http://localhost:8428, for --telemetryFrom to --telemetryTo; read as --metricsExport.")
  @Default.String("")
  String getVictoriaMetricsUrl();

  void setVictoriaMetricsUrl(String value);

  @Description("The series selector (match[]) for --victoriaMetricsUrl.")
  @Default.String("{__name__=~\"claude_code_.+\"}")
  String getVictoriaMetricsMatch();

  void setVictoriaMetricsMatch(String value);

  @Description(
      "Start of the range asked of live telemetry servers (ISO-8601). Default: --since, else 30"
          + " days before --telemetryTo.")
  @Default.String("")
  String getTelemetryFrom();

  void setTelemetryFrom(String value);

  @Description(
      "End of the range asked of live telemetry servers (ISO-8601). Default: a day after --until"
          + " (merges and exits come after the sessions), else now.")
  @Default.String("")
  String getTelemetryTo();

  void setTelemetryTo(String value);

  @Description(
      "Beads files (.beads/issues.jsonl), comma-separated; by default those of the town and its"
          + " rigs. A session's bead status (closed, open, ...) scores it.")
  @Default.String("")
  String getBeads();

  void setBeads(String value);

  @Description(
      "Reject samples whose metadata.quality.score (0 to 1, from tool errors, interruptions, the"
          + " town's events, OpenTelemetry logs and beads) is below this, as low-score. 0 keeps all.")
  @Default.Double(0)
  double getMinScore();

  void setMinScore(double value);

  @Description(
      "Samples whose assistant text and tool calls are this similar (estimated Jaccard similarity of"
          + " word shingles, from MinHash signatures) are near-duplicates: one survives, as for exact"
          + " duplicates. 0 switches it off.")
  @Default.Double(0.8)
  double getNearDupThreshold();

  void setNearDupThreshold(double value);

  @Description(
      "Balance the roles of the training samples: none; cap (a role above its target share of the"
          + " balanced training set is sampled down to it by content hash; the rest are rejects,"
          + " balance-cap); oversample (a role below its target is repeated up to it, with"
          + " metadata.repeat_index). Validation samples are never balanced.")
  @Default.String("none")
  String getBalance();

  void setBalance(String value);

  @Description(
      "Target shares of the balanced training samples for --balance, e.g. mayor=0.25,deacon=0.15;"
          + " roles not named are left as they are. Empty: an even share for every role (cap cuts"
          + " every role to the smallest, oversample repeats every role up to the largest).")
  @Default.String("")
  String getBalanceTargets();

  void setBalanceTargets(String value);

  @Description(
      "The most input lines that may be dead letters, as a share of the lines read (files that"
          + " could not be read to the end count too). Above it the run fails with exit code 2:"
          + " the input needs a look before datasets are published.")
  @Default.Double(0.05)
  double getMaxDeadLetterRatio();

  void setMaxDeadLetterRatio(double value);

  @Description(
      "How many groups the session files are spread over to be read: the most workers that read and"
          + " parse at once, and every step chained to the parse. The launcher gives the DirectRunner 16:"
          + " there each group is a bundle of every step up to the first shuffle. The output does not"
          + " depend on it.")
  @Default.Integer(SpreadFiles.GROUPS)
  int getFileGroups();

  void setFileGroups(int value);
}
