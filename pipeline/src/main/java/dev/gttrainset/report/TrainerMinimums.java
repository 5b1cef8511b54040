package dev.gttrainset.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The fewest examples a trainer takes in a file, and the role files of a run below them. */
final class TrainerMinimums {
  /** OpenAI's fine-tuning refuses a training file with fewer examples (its cookbook suggests 50). */
  static final int OPENAI_TRAINING_EXAMPLES = 10;

  private TrainerMinimums() {}

  /** The role training files with samples but fewer than OpenAI takes, e.g. {@code boot_train.jsonl} to 3. */
  static Map<String, Long> belowOpenAi(JsonNode stats) {
    Map<String, Long> below = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> role : AvailabilityReport.rolesBySamples(stats)) {
      long train = role.getValue().path("train").asLong();
      if (train > 0 && train < OPENAI_TRAINING_EXAMPLES) {
        below.put(role.getKey() + "_train.jsonl", train);
      }
    }
    return below;
  }

  static String warning(String file, long examples) {
    return String.format(
        Locale.ROOT,
        "`%s` has %s: below the %d examples OpenAI's fine-tuning takes in a training file.",
        file, Markdown.plural(examples, "sample"), OPENAI_TRAINING_EXAMPLES);
  }
}
