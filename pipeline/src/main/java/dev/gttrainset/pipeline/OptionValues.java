package dev.gttrainset.pipeline;

import dev.gttrainset.gate.OutputGate;
import dev.gttrainset.output.CallsPerMessage;
import dev.gttrainset.output.RecordFormat;
import dev.gttrainset.output.Records;
import dev.gttrainset.output.ToolCallIds;
import dev.gttrainset.sample.QualityRules;
import dev.gttrainset.sample.RoleBalance;
import dev.gttrainset.sample.SampleWindower;
import dev.gttrainset.sample.TrainValSplit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options read into the values the stages take, in one place: {@code Main} reads each once
 * before the run, so a bad flag is a usage error, and the job reads the same values to build it.
 */
public final class OptionValues {
  private OptionValues() {}

  /** The scrub rules switched off with {@code --skipScrubRules} (a test of the leak gate). */
  static Set<String> skippedRules(GtTrainsetOptions options) {
    Set<String> ids = new TreeSet<>();
    for (String id : options.getSkipScrubRules().split(",")) {
      if (!id.isBlank()) {
        ids.add(id.strip());
      }
    }
    return ids;
  }

  /** How samples are written: the format and what the user's chat template needs. */
  static Records.Shape shape(GtTrainsetOptions options) {
    return Records.Shape.of(
        RecordFormat.parse(options.getFormat()),
        options.getKeepThinking(),
        ToolCallIds.parse(options.getToolCallIds()),
        CallsPerMessage.parse(options.getToolCallsPerMessage()));
  }

  static RoleBalance roleBalance(GtTrainsetOptions options) {
    return new RoleBalance(
        RoleBalance.Mode.parse(options.getBalance()), RoleBalance.parseTargets(options.getBalanceTargets()));
  }

  static OutputGate leakGate(GtTrainsetOptions options) {
    return OutputGate.of(OutputGate.Mode.parse(options.getLeakGate()));
  }

  static SampleWindower windower(GtTrainsetOptions options) {
    return new SampleWindower(options.getMaxSampleTokens(), options.getMaxToolResultChars(), options.getKeepThinking());
  }

  static QualityRules qualityRules(GtTrainsetOptions options) {
    return new QualityRules(options.getMaxSampleTokens(), options.getMinScore());
  }

  /** The settings the report shows, by name, each as the user would write it. */
  public static Map<String, String> reportSettings(GtTrainsetOptions options) {
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
    return settings;
  }

  static TrainValSplit split(GtTrainsetOptions options) {
    return new TrainValSplit(options.getValFraction());
  }
}
