package dev.gttrainset.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.scrub.Scrubber;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class FindingsTest {
  private static final Map<String, String> SETTINGS = Map.of("max_sample_tokens", "16384", "format", "chat");

  private static List<Findings.Finding> of(Map<String, Long> counts, Map<String, String> sources) {
    ReportContext context = ReportContext.of(SETTINGS, sources, Scrubber.withDefaultRules());
    return Findings.of(StatsDocument.build(counts, context), context);
  }

  private static Map<String, Long> aRun() {
    Map<String, Long> counts = new TreeMap<>();
    counts.put("samples.built", 30L);
    counts.put("samples.written", 30L);
    counts.put("roles.mayor.sessions", 5L);
    counts.put("roles.mayor.samples", 29L);
    counts.put("roles.mayor.train", 29L);
    counts.put("roles.witness.sessions", 2L);
    counts.put("roles.witness.samples", 1L);
    counts.put("roles.witness.train", 1L);
    counts.put("sources.sessions.files", 7L);
    return counts;
  }

  @Test
  void eachSourceNotFoundIsAdvisedByItsOwnFlag() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("sessions", "/data/projects/**");
    sources.put("beads", "/town/.beads/issues.jsonl");
    sources.put("costs", "/gt/costs.jsonl");
    List<Findings.Finding> findings = of(aRun(), sources);

    Findings.Finding beads = findings.stream().filter(f -> f.observation() != null && f.observation().startsWith("beads")).findFirst().orElseThrow();
    assertEquals("beads not found: looked at `/town/.beads/issues.jsonl`.", beads.observation());
    assertTrue(beads.recommendation().contains("`--beads`"), beads.recommendation());
    assertTrue(!beads.recommendation().contains("--sessions"), beads.recommendation());
    assertTrue(findings.stream().anyMatch(f -> f.observation() != null && f.observation().startsWith("Costs (`costs.jsonl`) not found")));
    assertTrue(findings.stream().noneMatch(f -> f.observation() != null && f.observation().startsWith("Claude Code sessions")), "found");
  }

  @Test
  void rolesAreFoundDominantOrRareInRankOrderAndTheRareAdvisedTogether() {
    List<Findings.Finding> findings = of(aRun(), Map.of("sessions", "/data/projects/**"));
    assertEquals("**mayor** has 96.7% of the samples: it dominates.", findings.get(0).observation());
    assertEquals("**witness** has 3.3% of the samples (1): under 5%, under-represented.", findings.get(1).observation());
    assertTrue(
        findings.stream().anyMatch(f -> f.observation() == null && f.recommendation().startsWith("Collect more sessions of witness")));
  }

  @Test
  void aBalancedRunWithEverySourceFoundHasNothingToSay() {
    Map<String, Long> counts = aRun();
    for (String role : List.of("mayor", "witness", "deacon")) {
      counts.put("roles." + role + ".sessions", 5L);
      counts.put("roles." + role + ".samples", 10L);
      counts.put("roles." + role + ".train", 10L);
    }
    List<Findings.Finding> findings = of(counts, Map.of("sessions", "/data/projects/**"));
    assertEquals(List.of(), findings);
  }

  @Test
  void anUnbalancedAccountIsABugToReport() {
    Map<String, Long> counts = aRun();
    counts.put("samples.built", 31L);
    List<Findings.Finding> findings = of(counts, Map.of("sessions", "/data/projects/**"));
    assertEquals("Report this as a bug in gt-trainset with `stats.json` attached.", findings.get(findings.size() - 1).recommendation());
  }
}
