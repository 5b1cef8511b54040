package dev.gttrainset.pipeline;

import static dev.gttrainset.testing.Transcript.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.gate.SecretTokens;
import dev.gttrainset.parse.TranscriptPath;
import dev.gttrainset.scrub.FakeSecrets;
import dev.gttrainset.testing.Transcript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secret the scrubber lets through (its rules for it switched off) is stopped by the gate: the
 * samples that hold it, and only those, are quarantined while the rest is published; with {@code
 * --leakGate=fail} nothing is published and the run exits 3. The planted secrets belong to a
 * provider no rule names, so it is the gate's own detector that sees them.
 */
class LeakGateTest {
  private static final String OFF = "--skipScrubRules=secret-assignment,high-entropy-secret";

  @TempDir static Path work;
  static Path projects;
  static final List<String> secrets = new ArrayList<>();
  static final Set<String> leakySessions = new TreeSet<>();
  static final Set<String> cleanSessions = new TreeSet<>();

  @BeforeAll
  static void plant() throws IOException {
    projects = work.resolve("projects");
    FakeSecrets fake = new FakeSecrets(31);
    for (int i = 0; i < 12; i++) {
      boolean leaky = i % 3 == 0;
      String session = (leaky ? "leaky-" : "clean-") + i;
      Transcript t = Transcript.session(session).cwd("/srv/gt/mayor").user("[GAS TOWN] mayor <- human \u2022 start");
      if (leaky) {
        String secret = fake.alnum(26) + fake.digits(4);
        secrets.add(secret);
        t.user("Deploy with this:\nZORBLAX_TOKEN=" + secret + "\nthen report back.");
        leakySessions.add(session);
      } else {
        t.user("Deploy build " + i + " and report back.");
        cleanSessions.add(session);
      }
      t.assistant("a" + i, text("Deployed build " + i + "; all checks passed."));
      Path file = projects.resolve(TranscriptPath.encode("/srv/gt/mayor")).resolve(session + ".jsonl");
      Files.createDirectories(file.getParent());
      Files.writeString(file, t.text());
    }
  }

  private static JobRun run(Path output, String... extra) {
    // The sessions differ only by a number: near-duplicate detection would keep one of them.
    List<String> args = new ArrayList<>(List.of(
        "--sessions=" + projects, "--town=" + work.resolve("town"), "--gtHome=" + work.resolve("gt"), OFF, "--nearDupThreshold=0"));
    args.addAll(List.of(extra));
    return JobRun.of(output, args.toArray(new String[0]));
  }

  @Test
  void quarantinesExactlyTheSamplesThatLeakAndPublishesTheRest() {
    JobRun run = run(work.resolve("quarantine"));
    assertEquals(Main.EXIT_OK, run.exitCode, run::toString);
    assertTrue(Files.exists(run.output.resolve("_SUCCESS")));
    assertTrue(run.out.contains("leak gate quarantined " + leakySessions.size() + " samples"), run.out);

    Set<String> quarantined = new TreeSet<>();
    for (JsonNode reject : run.records("rejects.jsonl")) {
      JsonNode metadata = reject.get("metadata");
      if (metadata.get("reject_reason").asText().equals("leak-gate")) {
        quarantined.add(metadata.get("session_id").asText());
        assertFalse(reject.has("messages"), "a quarantined sample is listed without its text");
        Set<String> rules = new TreeSet<>();
        metadata.get("leak_gate").forEach(l -> rules.add(l.get("rule").asText()));
        assertTrue(rules.contains(SecretTokens.RULE), rules.toString());
      }
    }
    assertEquals(leakySessions, quarantined);

    Set<String> published = new TreeSet<>();
    run.datasetRecords().forEach(r -> published.add(r.at("/metadata/session_id").asText()));
    assertEquals(cleanSessions, published);

    JsonNode stats = run.stats();
    assertEquals(leakySessions.size(), stats.at("/leak_gate/quarantined_samples").asLong());
    assertEquals(leakySessions.size(), stats.at("/rejects/leak-gate").asLong());
    assertTrue(stats.at("/accounting/samples_balanced").asBoolean(), stats.toString());
    assertNoSecretIn(run);
    String report = new String(run.files().get("REPORT.md"), StandardCharsets.UTF_8);
    assertTrue(report.contains("leak-gate"), "the report counts the quarantined samples");
    String page = new String(run.files().get("report.html"), StandardCharsets.UTF_8);
    assertTrue(
        page.contains("<td>Quarantined by the leak gate (among the rejected)</td><td>" + leakySessions.size() + "</td>"),
        "the report page counts them too");
  }

  @Test
  void failModeExitsThreeAndPublishesNothing() {
    JobRun run = run(work.resolve("fail"), "--leakGate=fail");
    assertEquals(Main.EXIT_LEAK, run.exitCode, run::toString);
    assertFalse(Files.exists(run.output.resolve("_SUCCESS")), "no _SUCCESS after a leak");
    assertFalse(run.files().keySet().stream().anyMatch(f -> f.endsWith("_train.jsonl") && !f.contains("_temporary")), run.files().keySet().toString());
    assertTrue(run.err.contains("LEAK GATE FAILED"), run.err);
    assertTrue(run.err.contains("mayor_train.jsonl:"), run.err);
    JsonNode report = JobRun.read(run.output.resolve(LeakGate.REPORT_FILE));
    assertFalse(report.get("passed").asBoolean());
    Set<String> rules = new TreeSet<>();
    report.get("locations").forEach(l -> rules.add(l.get("rule").asText()));
    assertTrue(rules.contains(SecretTokens.RULE), rules.toString());
    for (String secret : secrets) {
      assertFalse(run.err.contains(secret) || run.out.contains(secret), "the gate never prints what it found");
      assertFalse(new String(run.files().get(LeakGate.REPORT_FILE), StandardCharsets.UTF_8).contains(secret));
    }
  }

  @Test
  void aCleanRunPassesTheGate() {
    JobRun run = JobRun.onTestdata(work.resolve("clean"));
    assertEquals(Main.EXIT_OK, run.exitCode, run::toString);
    assertTrue(run.out.contains("leak gate passed"), run.out);
    assertFalse(Files.exists(run.output.resolve(LeakGate.REPORT_FILE)));
    assertEquals(0, run.stats().at("/leak_gate/findings").asLong(0));
  }

  @Test
  void badGateOptionsAreBadOptions() {
    assertEquals(Main.EXIT_USAGE, JobRun.onTestdata(work.resolve("bad"), "--skipScrubRules=no-such-rule").exitCode);
    assertEquals(Main.EXIT_USAGE, JobRun.onTestdata(work.resolve("bad2"), "--leakGate=maybe").exitCode);
  }

  private static void assertNoSecretIn(JobRun run) {
    for (Map.Entry<String, byte[]> file : run.files().entrySet()) {
      String content = new String(file.getValue(), StandardCharsets.UTF_8);
      for (String secret : secrets) {
        assertFalse(content.contains(secret), file.getKey() + " holds a planted secret");
      }
    }
  }
}
