package dev.gttrainset.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.parse.Json;
import dev.gttrainset.scrub.FakeSecrets;
import dev.gttrainset.scrub.ScrubRules;
import dev.gttrainset.scrub.Scrubber;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The gate reads a record as the scrubber read its input, and says where, never what. */
class LeakCheckTest {
  private final LeakCheck check = LeakCheck.withDefaultRules();
  private final FakeSecrets fake = new FakeSecrets(21);

  @Test
  void findsSecretsInsideToolArgumentsBehindTheirNames() throws Exception {
    String token = "gh" + "p_" + fake.alnum(36);
    ObjectNode arguments = Json.MAPPER.createObjectNode().put("command", "echo ok");
    arguments.putObject("env").put("QUUX_PASSWORD", fake.alnum(18));
    ObjectNode record = Json.MAPPER.createObjectNode();
    record.putArray("messages")
        .addObject()
        .put("role", "assistant")
        .put("content", "first\nuse " + token)
        .putArray("tool_calls")
        .addObject()
        .putObject("function")
        .put("arguments", Json.compact(arguments));
    List<Leak> leaks = check.inRecord(Json.compact(record));
    assertTrue(leaks.contains(new Leak("github-pat", "/messages/0/content line 2")), leaks.toString());
    assertTrue(
        leaks.stream().anyMatch(l -> l.location.equals("/messages/0/tool_calls/0/function/arguments/env/QUUX_PASSWORD line 1")),
        leaks.toString());
    assertFalse(leaks.toString().contains(token), "a finding never carries the text");
  }

  @Test
  void readsBehindTheDataNamesOfEveryRecordShape() {
    String password = fake.alnum(18);
    String arguments = "{\"command\":\"echo ok\",\"env\":{\"QUUX_PASSWORD\":\"" + password + "\"}}";
    String asObject = "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"arguments\":" + arguments + "}}]}]}";
    String inToolOutput = "{\"messages\":[{\"role\":\"tool\",\"content\":" + Json.MAPPER.valueToTree(arguments) + "}]}";
    assertEquals(
        Set.of("/messages/0/tool_calls/0/function/arguments/env/QUUX_PASSWORD line 1"),
        check.inRecord(asObject).stream().map(l -> l.location).collect(Collectors.toSet()),
        "chat templates' arguments object: its names are the data's");
    assertEquals(
        Set.of("/messages/0/content/env/QUUX_PASSWORD line 1"),
        check.inRecord(inToolOutput).stream().map(l -> l.location).collect(Collectors.toSet()),
        "JSON a tool printed: its names are the data's");
    String sameOutsideArguments = "{\"messages\":[{\"role\":\"assistant\",\"QUUX_PASSWORD\":\"" + password + "\"}]}";
    assertEquals(
        List.of(),
        check.inRecord(sameOutsideArguments),
        "the record's own field names are the job's: no value is read behind them, as the scrubber reads none there");
  }

  @Test
  void findsWhatTheScrubberMissedWithARuleSwitchedOff() {
    LeakCheck tokensOnly = new LeakCheck(new Scrubber(ScrubRules.without(Set.copyOf(ScrubRules.ids()))));
    String line = "{\"messages\":[{\"role\":\"user\",\"content\":\"zorblax api key = " + fake.alnum(26) + fake.digits(3) + "\"}]}";
    assertEquals(List.of(new Leak(SecretTokens.RULE, "/messages/0/content line 1")), tokensOnly.inRecord(line));
  }

  @Test
  void aTextRememberedCleanIsOnlyThatTextAndALeakIsFoundEveryTime() {
    String clean = "{\"messages\":[{\"role\":\"assistant\",\"content\":\"the api key is read from the vault\"}]}";
    String leaking = "{\"messages\":[{\"role\":\"assistant\",\"content\":\"the api key is " + fake.alnum(26) + fake.digits(3) + "\"}]}";
    assertEquals(List.of(), check.inRecord(clean));
    assertEquals(List.of(), check.inRecord(clean), "read again from memory, as the first time");
    List<Leak> first = check.inRecord(leaking);
    assertEquals(1, first.size(), first.toString());
    assertEquals(first, check.inRecord(leaking), "a text with a leak is never remembered clean");
    assertEquals(first, check.inRecord("{\"a\":" + leaking + "}").stream().map(l -> new Leak(l.rule, l.location.replace("/a/", "/"))).collect(Collectors.toList()));
  }

  @Test
  void aScrubbedRecordIsClean() {
    String line =
        "{\"messages\":[{\"role\":\"assistant\",\"content\":\"export DB_PASSWORD=$DB_PASSWORD; cd /home/user/gt\"},"
            + "{\"role\":\"tool\",\"content\":\"token: [REDACTED:github-pat] in /home/<user>/x, mail user@example.com\"}]}";
    assertEquals(List.of(), check.inRecord(line));
  }
}
