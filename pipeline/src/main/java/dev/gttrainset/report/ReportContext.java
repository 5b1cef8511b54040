package dev.gttrainset.report;

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

  /**
   * @param settings the settings the datasets were built with, by name, as the report shows them
   * @param sourcePaths source name to the path or pattern it is read from
   */
  public static ReportContext of(Map<String, String> settings, Map<String, String> sourcePaths, Scrubber scrubber) {
    Map<String, String> sources = new LinkedHashMap<>();
    Counters ignored = new Counters();
    sourcePaths.forEach((name, path) -> sources.put(name, scrubber.scrub(path, ignored)));
    return new ReportContext(sources, new LinkedHashMap<>(settings), scrubber);
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
