package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.parse.Json;
import dev.gttrainset.stats.Counters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SampleScrubberTest {
  private final SampleScrubber scrubber = new SampleScrubber(Scrubber.withDefaultRules());
  private final String token = "gh" + "p_" + "Zq8Lw2Rt6Yx1Mv4Nb7Kc3Jd9Hf5Gs0Pa8Qe2";

  @Test
  void scrubsValuesInsideToolArgumentsAndKeepsTheJsonValid() throws Exception {
    String arguments =
        Json.compact(
            Json.MAPPER.createObjectNode()
                .put("command", "curl -H \"Authorization: Bearer " + token + "\" https://api.github.com")
                .put("cwd", "/home/alice/gt"));
    Sample sample =
        Sample.builder()
            .setSessionId("s1")
            .setSourceFile("-home-alice-gt-mayor/s1.jsonl")
            .setRole(RoleTag.create(GtRole.MAYOR, "", "", "cwd"))
            .setSampleIndex(0)
            .setFirstTimestampMillis(0)
            .setEstTokens(1)
            .setMessages(
                List.of(
                    ChatMessage.user("my key is " + token, 0),
                    ChatMessage.assistant("ok", List.of(ToolCall.create("t1", "Bash", arguments)), 0)))
            .build();

    Sample scrubbed = scrubber.scrub(sample);

    JsonNode parsed = Json.MAPPER.readTree(scrubbed.messages().get(1).toolCalls().get(0).arguments());
    // The assistant wrote the call: it learns the reference a careful agent writes.
    assertEquals("curl -H \"Authorization: Bearer $GITHUB_TOKEN\" https://api.github.com", parsed.get("command").asText());
    assertEquals("/home/user/gt", parsed.get("cwd").asText());
    // The user wrote the message: the model reads what was there.
    assertEquals("my key is [REDACTED:github-pat]", scrubbed.messages().get(0).text());
    assertEquals("-home-user-gt-mayor/s1.jsonl", scrubbed.sourceFile());
    assertEquals(Map.of("github-pat", 2L, "home-dir", 2L), scrubbed.redactions());
  }

  @Test
  void scrubsValuesByTheNameTheyStandUnder() throws Exception {
    String password = "Zx9Lq2" + "Vb7NcT4w";
    String arguments =
        "{\"headers\":{\"Authorization\":\"Bearer " + "q8Zr2LmX0pVb7NcT4wYs" + "\"},"
            + "\"env\":{\"DB_PASSWORD\":\"" + password + "\"},\"/home/alice/notes\":1}";
    Sample scrubbed = scrubber.scrub(withCall(arguments));

    JsonNode parsed = Json.MAPPER.readTree(scrubbed.messages().get(0).toolCalls().get(0).arguments());
    assertEquals("Bearer $BEARER_TOKEN", parsed.at("/headers/Authorization").asText());
    assertEquals("$DB_PASSWORD", parsed.at("/env/DB_PASSWORD").asText());
    assertEquals(1, parsed.get("/home/user/notes").asInt());
  }

  @Test
  void scrubsDeadLetterExcerptsWholeAndUnescapedBeforeCuttingThem() {
    String key = "q8Zr2LmX0pVb7NcT" + "4wYs";
    String escaped = "{\"content\":\"export API_KEY=\\\"" + key + "\\\"\"}";
    String straddling = "x".repeat(229) + " " + token;
    Counters redactions = new Counters();
    DeadLetter first = scrubber.scrub(DeadLetter.create("sessions", "f", 1, "invalid-json", "", escaped), redactions);
    DeadLetter second = scrubber.scrub(DeadLetter.create("sessions", "f", 2, "invalid-json", "", straddling), redactions);
    assertFalse(first.excerpt().contains(key), first.excerpt());
    assertFalse(second.excerpt().contains(token.substring(0, 8)), second.excerpt());
    assertTrue(second.excerpt().length() <= DeadLetter.MAX_EXCERPT + 1);
  }

  private static Sample withCall(String arguments) {
    return Sample.builder()
        .setSessionId("s1")
        .setSourceFile("s1.jsonl")
        .setRole(RoleTag.create(GtRole.MAYOR, "", "", "cwd"))
        .setSampleIndex(0)
        .setFirstTimestampMillis(0)
        .setEstTokens(1)
        .setMessages(List.of(ChatMessage.assistant("", List.of(ToolCall.create("t1", "WebFetch", arguments)), 0)))
        .build();
  }

  @Test
  void scrubsDeadLetterExcerptsAndFiles() {
    DeadLetter letter =
        DeadLetter.create("sessions", "-home-alice-gt/x.jsonl", 3, "invalid-json", "bad", "{\"t\":\"" + token);
    Counters redactions = new Counters();
    DeadLetter scrubbed = scrubber.scrub(letter, redactions);
    assertFalse(scrubbed.excerpt().contains(token));
    assertEquals("-home-user-gt/x.jsonl", scrubbed.file());
    assertEquals(1, redactions.get("github-pat"));
  }
}
