package dev.gttrainset.pipeline;

import static dev.gttrainset.testing.Transcript.bash;
import static dev.gttrainset.testing.Transcript.text;
import static dev.gttrainset.testing.Transcript.thinking;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.parse.Json;
import dev.gttrainset.parse.TranscriptPath;
import dev.gttrainset.scrub.FakeSecrets;
import dev.gttrainset.scrub.ScrubRules;
import dev.gttrainset.scrub.SecretCorpus;
import dev.gttrainset.testing.Transcript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hundreds of secrets of every family, planted where agents leak them: user and assistant text,
 * thinking, tool-call arguments (flat and nested), tool results, file paths, the working directory
 * and a broken line. None may reach any output file.
 */
class PlantedSecretsJobTest {
  private static final int SEEDS = 6;

  @TempDir static Path work;
  static final List<SecretCorpus.Planted> planted = new ArrayList<>();
  static final List<String> homeUsers = new ArrayList<>();
  static JobRun run;

  @BeforeAll
  static void plantAndRun() throws IOException {
    Path projects = work.resolve("projects");
    for (int seed = 1; seed <= SEEDS; seed++) {
      FakeSecrets fake = new FakeSecrets(seed);
      String user = "u" + fake.pick(4, "abcdefghij") + ".doe";
      homeUsers.add(user);
      String cwd = "/home/" + user + "/gt/mayor";
      String session = "planted-" + seed;
      Transcript t = Transcript.session(session).cwd(cwd).user("[GAS TOWN] mayor <- human • start");
      t.assistant("m-" + seed, text("Ready."));
      List<SecretCorpus.Planted> secrets = SecretCorpus.oneOfEach(fake);
      for (int i = 0; i < secrets.size(); i++) {
        plant(t, secrets.get(i), seed + "-" + i, i % 7);
      }
      t.raw("{\"type\":\"user\",\"message\":{\"content\":\"" + secrets.get(0).text.replace("\n", " ") + " and then it breaks");
      planted.addAll(secrets);
      Path file = projects.resolve(TranscriptPath.encode(cwd)).resolve(session + ".jsonl");
      Files.createDirectories(file.getParent());
      Files.writeString(file, t.text());
    }
    run =
        JobRun.of(
            work.resolve("out"),
            "--sessions=" + projects,
            "--town=" + work.resolve("town"),
            "--gtHome=" + work.resolve("gt"),
            "--keepThinking=true",
            // Small windows: most planted exchanges become samples of their own.
            "--maxSampleTokens=600");
    assertEquals(Main.EXIT_OK, run.exitCode, run::toString);
    System.out.printf(
        "planted %d secrets of %d rule families in %d sessions; redactions by rule: %s%n",
        planted.size(), ScrubRules.ids().size(), SEEDS, run.stats().get("redactions"));
  }

  /** One exchange that carries the secret in the given place. */
  private static void plant(Transcript t, SecretCorpus.Planted p, String id, int place) {
    String call = "toolu_" + id;
    switch (place) {
      case 0:
        t.user("Use this: " + p.text).assistant("a" + id, text("Understood, using it now."));
        break;
      case 1:
        t.user("What did you find?").assistant("a" + id, text("I found this: " + p.text));
        break;
      case 2:
        t.user("Run it.")
            .assistant("a" + id, bash(call, "echo '" + p.text + "' > /tmp/out"))
            .toolResult(call, "")
            .assistant("b" + id, text("Done, written to /tmp/out."));
        break;
      case 3:
        ObjectNode write = Json.MAPPER.createObjectNode().put("type", "tool_use").put("id", call).put("name", "Write");
        write.putObject("input").put("file_path", "/tmp/config.yaml").putObject("settings").put("value", p.text);
        t.user("Save the config.").assistant("a" + id, write).toolResult(call, "File written.").assistant("b" + id, text("Saved it."));
        break;
      case 4:
        t.user("Show the environment.")
            .assistant("a" + id, bash(call, "env"))
            .toolResult(call, "PATH=/usr/bin\n" + p.text + "\nTERM=xterm")
            .assistant("b" + id, text("That is the environment."));
        break;
      case 5:
        t.user("Think it over.").assistant("a" + id, thinking("The value is " + p.text), text("I have thought it over."));
        break;
      default:
        String path = p.standsAlone() ? "/srv/" + p.secret + "/notes.txt" : "/srv/notes.txt";
        t.user("Read the notes.")
            .assistant("a" + id, Transcript.toolUse(call, "Read", "file_path", path))
            .toolResult(call, p.standsAlone() ? "empty" : p.text)
            .assistant("b" + id, text("The notes are read."));
    }
  }

  @Test
  void plantsHundredsOfSecretsOfEveryFamily() {
    assertTrue(planted.size() >= 300, "planted " + planted.size());
    Set<String> families = new TreeSet<>();
    planted.forEach(p -> families.add(p.rule));
    assertEquals(new TreeSet<>(ScrubRules.ids()), families);
    // Once scrubbed, the same exchange with another secret is a duplicate: many are.
    assertTrue(run.stats().at("/samples/built").asLong() > 40, run.stats().get("samples").toString());
    assertTrue(run.stats().at("/redactions").size() >= families.size() - 1, run.stats().get("redactions").toString());
  }

  @Test
  void noPlantedSecretReachesAnyOutput() throws IOException {
    Map<String, String> leaks = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : run.files().entrySet()) {
      String raw = new String(file.getValue(), StandardCharsets.UTF_8);
      StringBuilder readable = new StringBuilder(raw);
      if (file.getKey().endsWith(".jsonl")) {
        for (String line : raw.split("\n")) {
          if (!line.isBlank()) {
            collectStrings(Json.MAPPER.readTree(line), readable);
          }
        }
      }
      String content = readable.toString();
      for (SecretCorpus.Planted p : planted) {
        for (String part : p.secret.split("\n")) {
          if (part.length() >= 5 && content.contains(part)) {
            leaks.put(file.getKey() + " " + p.rule, part);
          }
        }
      }
      for (String user : homeUsers) {
        if (content.contains(user) || content.contains(TranscriptPath.encode(user))) {
          leaks.put(file.getKey() + " home user", user);
        }
      }
    }
    assertEquals(Map.of(), leaks);
  }

  /** Every string of a record, JSON strings inside strings (tool-call arguments) opened too. */
  private static void collectStrings(JsonNode node, StringBuilder out) {
    if (node.isTextual()) {
      out.append('\n').append(node.asText());
      String text = node.asText().strip();
      if (text.startsWith("{")) {
        try {
          collectStrings(Json.MAPPER.readTree(text), out);
        } catch (IOException notJson) {
          // plain text
        }
      }
    }
    node.fieldNames().forEachRemaining(name -> out.append('\n').append(name));
    node.forEach(child -> collectStrings(child, out));
  }
}
