package dev.gttrainset.pipeline;

import static dev.gttrainset.testing.Transcript.bash;
import static dev.gttrainset.testing.Transcript.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import dev.gttrainset.parse.TranscriptPath;
import dev.gttrainset.scrub.BenignCorpus;
import dev.gttrainset.scrub.Families;
import dev.gttrainset.scrub.FakeSecrets;
import dev.gttrainset.scrub.SecretCorpus;
import dev.gttrainset.scrub.ShapeGenerator;
import dev.gttrainset.scrub.Syntaxes;
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
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole job on a corpus planted as other scanners test: a secret of every provider family in
 * several syntaxes, every pattern rule's secret, each in the four places a session holds one (the
 * user's message, the assistant's text, a command it ran, what a tool answered); and beside them
 * benign strings of the kinds scanners' negatives hold. No secret may reach any output file, and
 * the benign strings must come out as they went in.
 */
class PlantedSecretsJobTest {
  private static final int SYNTAXES_PER_FAMILY = 4;
  private static final int BENIGN_PER_KIND = 20;

  @TempDir static Path work;
  static final List<String> secrets = new ArrayList<>();
  static final Set<String> families = new TreeSet<>();
  static final Set<String> syntaxes = new TreeSet<>();
  static final List<String> benign = new ArrayList<>();
  static JobRun run;

  @BeforeAll
  static void plantAndRun() throws IOException {
    Path projects = work.resolve("projects");
    ShapeGenerator shapes = new ShapeGenerator(13);
    List<Families.Family> all = Families.all();
    for (int f = 0; f < all.size(); f++) {
      Families.Family family = all.get(f);
      Transcript t = session(projects, "family-" + f);
      for (int k = 0; k < SYNTAXES_PER_FAMILY; k++) {
        Syntaxes.Syntax syntax = Syntaxes.ALL.get((f * SYNTAXES_PER_FAMILY + k) % Syntaxes.ALL.size());
        for (int place = 0; place < 4; place++) {
          String secret = Families.secret(family, shapes);
          plant(t, syntax.write(family.variable(k), secret), f + "-" + k + "-" + place, place);
          secrets.add(secret);
        }
        syntaxes.add(syntax.name);
      }
      families.add(family.id);
      write(projects, t, "family-" + f);
    }
    for (int seed = 1; seed <= 2; seed++) {
      Transcript t = session(projects, "patterns-" + seed);
      List<SecretCorpus.Planted> planted = SecretCorpus.oneOfEach(new FakeSecrets(seed));
      for (int i = 0; i < planted.size(); i++) {
        for (int place = 0; place < 4; place++) {
          plant(t, planted.get(i).text, "p" + seed + "-" + i + "-" + place, place);
          secrets.add(planted.get(i).secret);
        }
        families.add(planted.get(i).rule);
      }
      write(projects, t, "patterns-" + seed);
    }
    Transcript t = session(projects, "benign");
    int n = 0;
    for (Map.Entry<String, Supplier<String>> kind : new BenignCorpus(17).kinds().entrySet()) {
      for (int i = 0; i < BENIGN_PER_KIND; i++) {
        String text = kind.getValue().get();
        for (int place = 0; place < 4; place++) {
          plant(t, text, "b" + n++, place);
          benign.add(text);
        }
      }
    }
    write(projects, t, "benign");
    run =
        JobRun.of(
            work.resolve("out"),
            "--sessions=" + projects,
            "--town=" + work.resolve("town"),
            "--gtHome=" + work.resolve("gt"),
            // Small windows and no near-duplicate removal: most planted exchanges stay samples.
            "--maxSampleTokens=900",
            "--nearDupThreshold=0");
    assertEquals(Main.EXIT_OK, run.exitCode, run::toString);
  }

  private static Transcript session(Path projects, String id) {
    return Transcript.session(id).cwd("/home/qzara/gt/mayor").user("[GAS TOWN] mayor <- human \u2022 start");
  }

  private static void write(Path projects, Transcript t, String id) throws IOException {
    Path file = projects.resolve(TranscriptPath.encode("/home/qzara/gt/mayor")).resolve(id + ".jsonl");
    Files.createDirectories(file.getParent());
    Files.writeString(file, t.text());
  }

  /** One exchange that holds the text in the given place. */
  private static void plant(Transcript t, String text, String id, int place) {
    String call = "toolu_" + id.replace('-', '_');
    switch (place) {
      case 0:
        t.user("Use this config:\n" + text).assistant("a" + id, text("Understood, I will use it."));
        break;
      case 1:
        t.user("What is in the config?").assistant("a" + id, text("It holds:\n" + text));
        break;
      case 2:
        t.user("Write the config.")
            .assistant("a" + id, bash(call, "cat > /tmp/config <<'EOF'\n" + text + "\nEOF"))
            .toolResult(call, "")
            .assistant("b" + id, text("Written to /tmp/config."));
        break;
      default:
        t.user("Read the config.")
            .assistant("a" + id, Transcript.toolUse(call, "Read", "file_path", "/tmp/config"))
            .toolResult(call, text)
            .assistant("b" + id, text("That is the config."));
    }
  }

  @Test
  void plantsThousandsOfSecretsOfEveryFamilyInEverySyntaxAndPlace() {
    System.out.printf(
        "planted %,d secrets of %d families in %d syntaxes, and %,d benign strings; redactions: %s%n",
        secrets.size(), families.size(), syntaxes.size(), benign.size(), run.stats().get("redactions"));
    assertTrue(secrets.size() >= 5_000, "planted " + secrets.size());
    assertTrue(families.size() >= 200, "families " + families.size());
    assertEquals(Syntaxes.ALL.size(), syntaxes.size());
  }

  @Test
  void noSecretReachesAnyOutputFileAndTheScrubberAloneStoppedThem() throws IOException {
    String all = everything();
    Map<String, String> leaks = new TreeMap<>();
    for (String secret : secrets) {
      String middle = secret.substring(secret.length() / 5, secret.length() - secret.length() / 5);
      if (all.contains(secret) || (middle.length() >= 8 && all.contains(middle))) {
        leaks.put(secret.length() > 12 ? secret.substring(0, 6) + "..." : "(short)", "planted secret found in the outputs");
      }
    }
    assertEquals(Map.of(), leaks);
    // The gate read every line and found nothing left to quarantine.
    assertEquals(0, run.stats().at("/leak_gate/findings").asLong(0), run.stats().toString());
  }

  @Test
  void benignStringsComeOutAsTheyWentIn() throws IOException {
    String all = everything();
    int altered = 0;
    List<String> examples = new ArrayList<>();
    for (String text : benign) {
      if (!all.contains(text)) {
        altered++;
        if (examples.size() < 5) {
          examples.add(text);
        }
      }
    }
    double rate = altered / (double) benign.size();
    System.out.printf("benign strings altered: %.2f%% (%d of %d)%n", rate * 100, altered, benign.size());
    assertTrue(rate < 0.02, "altered " + altered + " of " + benign.size() + ", e.g. " + examples);
  }

  /** Every output file's text, and every string of its JSON lines decoded (tool arguments too). */
  private static String everything() throws IOException {
    StringBuilder all = new StringBuilder();
    for (Map.Entry<String, byte[]> file : run.files().entrySet()) {
      String raw = new String(file.getValue(), StandardCharsets.UTF_8);
      all.append(raw).append('\n');
      if (file.getKey().endsWith(".jsonl")) {
        for (String line : raw.split("\n")) {
          if (!line.isBlank()) {
            collectStrings(Json.MAPPER.readTree(line), all);
          }
        }
      }
    }
    return all.toString();
  }

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
