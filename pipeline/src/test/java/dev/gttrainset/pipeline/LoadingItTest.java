package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Loading it" snippets, read out of the README and checked against what the
 * trainers document: the files they name exist in the job's output on the bundled town, and the
 * records there hold what each trainer reads ({@link TrainerRules}).
 */
class LoadingItTest {
  static final Path README = Paths.get("..", "README.md").toAbsolutePath().normalize();

  static final long DEFAULT_MAX_SAMPLE_TOKENS =
      PipelineOptionsFactory.create().as(GtTrainsetOptions.class).getMaxSampleTokens();

  @TempDir static Path work;
  static JobRun chat;
  static JobRun openAi;
  static Map<String, String> snippets = new TreeMap<>();

  @BeforeAll
  static void runAndRead() throws IOException {
    chat = JobRun.onTestdata(work.resolve("out"));
    openAi = JobRun.onTestdata(work.resolve("out-openai"), "--format=openai");
    assertEquals(0, chat.exitCode, chat::toString);
    assertEquals(0, openAi.exitCode, openAi::toString);
    String readme = Files.readString(README);
    int start = readme.indexOf("\n## Loading it\n");
    assertTrue(start >= 0, "README has a Loading it section");
    String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
    Matcher block = Pattern.compile("```(python|yaml|bash)\n(.*?)```", Pattern.DOTALL).matcher(section);
    while (block.find()) {
      assertEquals(null, snippets.put(block.group(1), block.group(2)), "one " + block.group(1) + " snippet");
    }
    assertEquals(List.of("bash", "python", "yaml"), new ArrayList<>(snippets.keySet()));
  }

  /** The files a snippet's path or glob names in a run's output, e.g. {@code out/*_train.jsonl}. */
  private static List<Path> files(JobRun run, String folder, String pattern) throws IOException {
    assertTrue(pattern.startsWith(folder + "/"), pattern);
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(folder.length() + 1));
    try (Stream<Path> all = Files.list(run.output)) {
      List<Path> files = all.filter(p -> matcher.matches(p.getFileName())).sorted().collect(Collectors.toList());
      assertFalse(files.isEmpty(), pattern + " names no file of the output");
      return files;
    }
  }

  private static List<JsonNode> records(JobRun run, List<Path> files) {
    List<JsonNode> records = new ArrayList<>();
    files.forEach(f -> records.addAll(run.records(f.getFileName().toString())));
    return records;
  }

  private static String value(String snippet, String regex) {
    Matcher m = Pattern.compile(regex).matcher(snippet);
    assertTrue(m.find(), regex + " in\n" + snippet);
    return m.group(1);
  }

  @Test
  void theTrlSnippetLoadsEveryRoleAsOneTableOfChatRecords() throws IOException {
    String trl = snippets.get("python");
    assertTrue(trl.contains("load_dataset(\"json\""), trl);
    List<JsonNode> all = new ArrayList<>();
    for (String split : List.of("train", "validation")) {
      List<JsonNode> records = records(chat, files(chat, "out", value(trl, "\"" + split + "\": \"([^\"]+)\"")));
      for (JsonNode record : records) {
        assertEquals(List.of(), TrainerRules.chatViolations(record), record.toString());
        assertTrue(record.get("messages").isArray() && record.get("tools").isArray(), "TRL's conversational columns");
      }
      all.addAll(records);
    }
    assertEquals(chat.datasetRecords().size(), all.size(), "train and validation globs cover every role file");
    assertEquals(Map.of(), TrainerRules.toolsDefinedTwice(all), "one table: one definition per tool");
    long maxLength = Long.parseLong(value(trl, "max_length=(\\d+)"));
    assertEquals(DEFAULT_MAX_SAMPLE_TOKENS, maxLength, "max_length as --maxSampleTokens");
    all.forEach(r -> assertTrue(r.at("/metadata/est_tokens").asLong() <= maxLength, "no sample cut"));
  }

  @Test
  void theAxolotlEntryReadsMessagesAndTheirWeights() throws IOException {
    String axolotl = snippets.get("yaml");
    assertEquals("chat_template", value(axolotl, "(?m)^ +type: (\\S+)"));
    String field = value(axolotl, "field_messages: (\\S+)");
    String training = value(axolotl, "message_field_training: (\\S+)");
    assertTrue(value(axolotl, "roles_to_train: (.+)").contains("\"assistant\""));
    assertTrue(axolotl.contains("test_datasets:") && axolotl.contains("val_set_size: 0"),
        "Axolotl takes test_datasets or val_set_size, not both");
    Matcher paths = Pattern.compile("path: (\\S+)").matcher(axolotl);
    int named = 0;
    while (paths.find()) {
      for (JsonNode record : records(chat, files(chat, "out", paths.group(1)))) {
        named++;
        assertTrue(record.path(field).isArray(), field);
        for (JsonNode m : record.get(field)) {
          if (m.has(training)) {
            assertEquals("assistant", m.get("role").asText(), "only assistant turns are weighed");
            assertTrue(m.get(training).asInt() == 0 || m.get(training).asInt() == 1, m.toString());
          }
        }
      }
    }
    assertEquals(2, named, "the mayor's train and validation files");
    assertTrue(Long.parseLong(value(axolotl, "sequence_len: (\\d+)")) >= DEFAULT_MAX_SAMPLE_TOKENS);
  }

  @Test
  void theOpenAiStepsUploadOnlyWhatTheUploadTakes() throws IOException {
    String steps = snippets.get("bash");
    assertTrue(steps.contains("--format=openai --output=out-openai"), steps);
    Matcher uploads = Pattern.compile("-F purpose=fine-tune -F file=@(\\S+)").matcher(steps);
    int uploaded = 0;
    while (uploads.find()) {
      assertFalse(uploads.group(1).endsWith(".meta.jsonl"), "metadata stays home");
      for (JsonNode record : records(openAi, files(openAi, "out-openai", uploads.group(1)))) {
        uploaded++;
        assertEquals(List.of(), TrainerRules.openAiViolations(record), record.toString());
      }
    }
    assertEquals(2, uploaded, "the mayor's train and validation files");
    JsonNode job = Json.MAPPER.readTree(value(steps, "-d '(\\{.*\\})'"));
    assertTrue(job.has("model") && job.has("training_file") && job.has("validation_file"), job.toString());
  }
}
