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
import java.util.Set;
import java.util.TreeSet;

/**
 * The options read into the values the stages take, in one place: {@code Main} reads each once
 * before the run, so a bad flag is a usage error, and the job reads the same values to build it.
 */
final class OptionValues {
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

  static TrainValSplit split(GtTrainsetOptions options) {
    return new TrainValSplit(options.getValFraction());
  }
}
