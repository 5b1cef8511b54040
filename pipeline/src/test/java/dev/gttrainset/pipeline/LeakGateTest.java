package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leak gate fails a run whose scrubber let a secret through, and says where without saying what. */
class LeakGateTest {
  @TempDir Path work;

  @Test
  void aRuleSwitchedOffInTheScrubberFailsTheRunAtTheGate() {
    // Only the email rule knows an address: with it off, the bundled town's addresses get through.
    JobRun run = JobRun.onTestdata(work.resolve("out"), "--skipScrubRules=email");

    assertEquals(Main.EXIT_LEAK, run.exitCode, run::toString);
    assertFalse(Files.exists(run.output.resolve("_SUCCESS")), "no _SUCCESS after a leak");
    assertTrue(run.err.contains("LEAK GATE FAILED"), run.err);
    assertTrue(run.err.contains("mayor_train.jsonl:1 email"), run.err);
    assertTrue(run.err.contains("unknown_train.jsonl:1 email"), run.err);
    String address = "jane.doe" + "@";
    assertFalse(run.err.contains(address) || run.out.contains(address), "the gate never prints what it found");

    JsonNode report = JobRun.read(run.output.resolve(LeakGate.REPORT_FILE));
    assertFalse(report.get("passed").asBoolean());
    Set<String> rules = new TreeSet<>();
    report.get("locations").forEach(l -> rules.add(l.get("rule").asText()));
    assertEquals(Set.of("email"), rules);
  }

  @Test
  void aCleanRunPassesTheGate() {
    JobRun run = JobRun.onTestdata(work.resolve("clean"));
    assertEquals(Main.EXIT_OK, run.exitCode, run::toString);
    assertTrue(run.out.contains("leak gate passed"), run.out);
    assertFalse(Files.exists(run.output.resolve(LeakGate.REPORT_FILE)));
  }

  @Test
  void anUnknownRuleIsABadOption() {
    assertEquals(Main.EXIT_USAGE, JobRun.onTestdata(work.resolve("bad"), "--skipScrubRules=no-such-rule").exitCode);
  }
}
