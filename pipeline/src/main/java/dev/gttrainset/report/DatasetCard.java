package dev.gttrainset.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.output.RecordFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code README.md}: the dataset card that makes the output folder a Hugging Face dataset as it
 * is. Its YAML front matter names a config per role with its train and validation files (and
 * {@code all}, every role as one table, the default), so {@code load_dataset(<folder>, "mayor")}
 * and the Hub's viewer find them; the text says the format, who reads it, the counts, and points
 * to the report.
 */
final class DatasetCard {
  private DatasetCard() {}

  static String render(JsonNode stats, ReportContext context) {
    List<String[]> roles = new ArrayList<>();
    List<String> allTrain = new ArrayList<>();
    List<String> allVal = new ArrayList<>();
    for (Map.Entry<String, JsonNode> role : AvailabilityReport.rolesBySamples(stats)) {
      long train = role.getValue().path("train").asLong();
      long val = role.getValue().path("val").asLong();
      if (train + val == 0) {
        continue;
      }
      roles.add(new String[] {role.getKey(), String.valueOf(train), String.valueOf(val)});
      if (train > 0) {
        allTrain.add(role.getKey() + "_train.jsonl");
      }
      if (val > 0) {
        allVal.add(role.getKey() + "_val.jsonl");
      }
    }
    StringBuilder md = new StringBuilder("---\n");
    md.append("pretty_name: Gas Town agent sessions by role\n");
    md.append("task_categories:\n- text-generation\n");
    md.append("tags:\n- gas-town\n- claude-code\n- agents\n- tool-use\n- gt-trainset\n");
    // An empty run has no file to name, and an empty configs list would read as null.
    if (!roles.isEmpty()) {
      md.append("configs:\n");
      config(md, "all", true, allTrain, allVal);
    }
    for (String[] role : roles) {
      config(
          md,
          role[0],
          false,
          role[1].equals("0") ? List.of() : List.of(role[0] + "_train.jsonl"),
          role[2].equals("0") ? List.of() : List.of(role[0] + "_val.jsonl"));
    }
    md.append("---\n\n");
    md.append("# Gas Town agent sessions by role\n\n");
    md.append(
        "Fine-tuning data from the Claude Code sessions of a [Gas Town](https://github.com/steveyegge/gastown),"
            + " one dataset per role, built by gt-trainset: secrets and personal data scrubbed, duplicates"
            + " removed, sessions split into train and validation so that no session is in both.\n\n");
    RecordFormat format = context.format();
    md.append("**Format: `").append(format.id()).append("`.** ").append(formatNote(format)).append("\n\n");
    md.append("| Config | Train | Validation |\n|---|---:|---:|\n");
    for (String[] role : roles) {
      Markdown.row(md, "`" + role[0] + "`", role[1], role[2]);
    }
    md.append('\n');
    TrainerMinimums.belowOpenAi(stats).forEach((file, n) -> md.append("- ").append(TrainerMinimums.warning(file, n)).append('\n'));
    md.append(
        "\nWhat was there, what was used and why the rest was not: [REPORT.md](REPORT.md) and"
            + " [report.html](report.html), which also shows a few samples of each role; every count is in"
            + " `stats.json`. Rejected samples are in `rejects.jsonl`, unusable input lines in"
            + " `dead_letters.jsonl`.\n");
    return md.toString();
  }

  private static void config(StringBuilder md, String name, boolean isDefault, List<String> train, List<String> val) {
    md.append("- config_name: ").append(name).append('\n');
    if (isDefault) {
      md.append("  default: true\n");
    }
    md.append("  data_files:\n");
    split(md, "train", train);
    split(md, "validation", val);
  }

  private static void split(StringBuilder md, String split, List<String> files) {
    if (files.isEmpty()) {
      return;
    }
    md.append("  - split: ").append(split).append('\n');
    md.append("    path:\n");
    files.forEach(f -> md.append("    - ").append(f).append('\n'));
  }

  private static String formatNote(RecordFormat format) {
    switch (format) {
      case OPENAI:
        return "Each line is exactly what OpenAI's fine-tuning upload takes (`messages`, `tools`,"
            + " `parallel_tool_calls`); the metadata of line *n* of `<role>_<split>.jsonl` is line *n* of"
            + " `<role>_<split>.meta.jsonl`.";
      case SHAREGPT:
        return "ShareGPT `conversations` (`system`, `human`, `gpt`; tool calls as `<tool_call>` blocks, replies"
            + " as `<tool_response>` blocks), `tools` as a JSON string, and `metadata`: for Axolotl's and"
            + " LLaMA-Factory's sharegpt readers.";
      default:
        return "Chat `messages` with `tool_calls` whose `arguments` are objects and `tool` replies, a `tools`"
            + " column with one definition per tool across the run, and `metadata`: for TRL's SFTTrainer,"
            + " Axolotl's `chat_template` type and vLLM. Context turns carry OpenAI's `\"weight\": 0`.";
    }
  }
}
