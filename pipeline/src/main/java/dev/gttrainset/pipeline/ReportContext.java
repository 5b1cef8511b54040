package dev.gttrainset.pipeline;

import dev.gttrainset.output.RecordFormat;
import dev.gttrainset.scrub.Scrubber;
import dev.gttrainset.stats.Counters;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the report says besides the statistics: where each source was looked for and the settings
 * the datasets were built with. Everything from outside (paths, names in statistics keys) is
 * scrubbed, so no home directory name or secret reaches stats.json or REPORT.md.
 */
public final class ReportContext implements Serializable {
  private final Map<String, String> sourcePaths;
  private final Map<String, String> settings;
  private final Scrubber scrubber;

  private ReportContext(Map<String, String> sourcePaths, Map<String, String> settings, Scrubber scrubber) {
    this.sourcePaths = sourcePaths;
    this.settings = settings;
    this.scrubber = scrubber;
  }

  /** @param sourcePaths source name to the path or pattern it is read from */
  public static ReportContext of(
      GtTrainsetOptions options, Map<String, String> sourcePaths, Scrubber scrubber) {
    Map<String, String> sources = new LinkedHashMap<>();
    Counters ignored = new Counters();
    sourcePaths.forEach((name, path) -> sources.put(name, scrubber.scrub(path, ignored)));
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("format", RecordFormat.parse(options.getFormat()).id());
    settings.put("tool_call_ids", options.getToolCallIds());
    settings.put("tool_calls_per_message", options.getToolCallsPerMessage());
    settings.put("val_fraction", String.valueOf(options.getValFraction()));
    settings.put("max_sample_tokens", String.valueOf(options.getMaxSampleTokens()));
    settings.put("max_tool_result_chars", String.valueOf(options.getMaxToolResultChars()));
    settings.put("keep_thinking", String.valueOf(options.getKeepThinking()));
    settings.put("since", options.getSince().isBlank() ? "-" : options.getSince());
    settings.put("until", options.getUntil().isBlank() ? "-" : options.getUntil());
    settings.put("settle_minutes", String.valueOf(options.getSettleMinutes()));
    settings.put("min_score", String.valueOf(options.getMinScore()));
    settings.put("near_dup_threshold", String.valueOf(options.getNearDupThreshold()));
    settings.put("balance", options.getBalance());
    settings.put("balance_targets", options.getBalanceTargets().isBlank() ? "-" : options.getBalanceTargets());
    return new ReportContext(sources, settings, scrubber);
  }

  /** Source name ({@code sessions}, {@code events}, ...) to the path or pattern read. */
  public Map<String, String> sourcePaths() {
    return sourcePaths;
  }

  public Map<String, String> settings() {
    return settings;
  }

  /** The record format the datasets are in. */
  public RecordFormat format() {
    return RecordFormat.parse(settings.get("format"));
  }

  /** Statistics keys carry names from the data (record types, actors): scrubbed like the rest. */
  public String scrub(String statKey) {
    return scrubber.scrub(statKey, new Counters());
  }
}
