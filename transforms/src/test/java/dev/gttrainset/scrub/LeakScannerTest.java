package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.parse.Json;
import java.util.Set;
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
}
