package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.parse.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LeakScannerTest {
  private final LeakScanner scanner = new LeakScanner(Scrubber.withDefaultRules());
  private final FakeSecrets fake = new FakeSecrets(3);

  @Test
  void readsRecordsAsTheScrubberReadItsInput() throws Exception {
    String token = "gh" + "p_" + fake.alnum(36);
    String password = fake.alnum(20);
    String arguments = Json.compact(Json.MAPPER.createObjectNode().put("DB_PASSWORD", password));
    String record =
        Json.compact(
            Json.MAPPER.createObjectNode()
                .put("content", "token " + token)
                .put("arguments", arguments)
                .put("clean", "nothing here"));

    assertEquals(Set.of("github-pat", "secret-assignment"), scanner.scanJson(Json.MAPPER.readTree(record)));
  }

  @Test
  void scrubbedOutputIsClean() throws Exception {
    String record = "{\"content\":\"token [REDACTED:github-pat] in /home/<user>/x\",\"arguments\":\"{\\\"k\\\":1}\"}";
    assertEquals(Set.of(), scanner.scanJson(Json.MAPPER.readTree(record)));
  }

  /**
   * Behind its name only starts in the name are tried, each rule on the text as written: that finds
   * at least what scanning the whole {@code name: value} text finds, for every planted secret under
   * every kind of name. (It may find more: scanning the whole text, an earlier rule's replacement
   * can hide from a later rule what the gate should still see.)
   */
  @Test
  void behindItsNameAValueGivesAtLeastWhatTheWholeTextGives() throws Exception {
    Scrubber rules = Scrubber.withDefaultRules();
    List<String> names = List.of("content", "DB_PASSWORD", "Authorization", "api_key", "X-Api-Key", "aws_secret_access_key", "token", "ghp_x");
    List<String> values = new ArrayList<>();
    for (SecretCorpus.Planted p : SecretCorpus.oneOfEach(new FakeSecrets(44))) {
      values.add(p.text);
      values.add(p.secret);
      values.add("Bearer " + p.secret);
    }
    for (String name : names) {
      for (String value : values) {
        Set<String> whole = new TreeSet<>(scanner.scanText(name + ": " + value));
        whole.addAll(scanner.scanText(name));
        whole.addAll(alone(value));
        String record = Json.compact(Json.MAPPER.createObjectNode().put(name, value));
        Set<String> found = scanner.scanJson(Json.MAPPER.readTree(record));
        assertTrue(found.containsAll(whole), () -> name + ": " + value + " gave " + found + ", not all of " + whole);
      }
    }
    assertTrue(rules.longestKeyword() >= 10);
  }

  /** A value on its own, as the scanner reads it: as JSON when it is JSON. */
  private Set<String> alone(String value) {
    String trimmed = value.strip();
    if ((trimmed.startsWith("{") && trimmed.endsWith("}")) || (trimmed.startsWith("[") && trimmed.endsWith("]"))) {
      try {
        return scanner.scanJson(Json.MAPPER.readTree(trimmed));
      } catch (java.io.IOException notJson) {
        // scanned as text below
      }
    }
    return scanner.scanText(value);
  }
}
