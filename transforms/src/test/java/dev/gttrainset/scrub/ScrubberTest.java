package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.stats.Counters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per pattern rule (keys, credentials by their context, personal data), strings that must be
 * scrubbed and strings that must pass, gitleaks style; provider tokens are {@link FamiliesTest}'s.
 * Secrets are assembled from parts here, at test time ({@link FakeSecrets}), so no real-looking
 * secret sits in the repository.
 */
class ScrubberTest {
  private static final Scrubber SCRUBBER = Scrubber.withDefaultRules();

  static Stream<Arguments> secrets() {
    return SecretCorpus.oneOfEach(new FakeSecrets(42)).stream().map(p -> Arguments.of(p.rule, p.text, p.secret));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("secrets")
  void scrubs(String rule, String text, String secret) {
    Counters redactions = new Counters();
    String scrubbed = SCRUBBER.scrub(text, redactions);
    assertEquals(Map.of(rule, 1L), redactions.asMap(), () -> rule + " on " + text + " gave " + scrubbed);
    assertFalse(scrubbed.contains(secret), () -> "secret survived: " + scrubbed);
  }

  /** Every secret that ends its text, once more at the end of a sentence, a clause or a quote. */
  static Stream<Arguments> secretsBeforePunctuation() {
    return SecretCorpus.oneOfEach(new FakeSecrets(43)).stream()
        .filter(p -> p.text.endsWith(p.secret))
        .flatMap(p -> Stream.of(".", ",", ")", "'", "\"", ". Next", "!\n").map(end -> Arguments.of(p.rule, p.text + end, p.secret)));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("secretsBeforePunctuation")
  void scrubsSecretsBeforePunctuation(String rule, String text, String secret) {
    Counters redactions = new Counters();
    String scrubbed = SCRUBBER.scrub(text, redactions);
    assertFalse(scrubbed.contains(secret), () -> rule + ": secret survived: " + scrubbed);
    assertEquals(1L, redactions.get(rule), () -> rule + " on " + text + " gave " + redactions.asMap());
  }

  @Test
  void everyPatternRuleHasAScrubbingCase() {
    Set<String> covered = secrets().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
    Set<String> families = Families.all().stream().map(f -> f.id).collect(Collectors.toSet());
    Set<String> patterns = ScrubRules.ids().stream().filter(id -> !families.contains(id)).collect(Collectors.toSet());
    assertEquals(patterns, covered);
  }

  @Test
  void writtenTextGetsReferencesAnAgentWouldWrite() {
    String token = "gh" + "p_" + new FakeSecrets(5).alnum(36);
    assertEquals("export GH=$GITHUB_TOKEN", SCRUBBER.scrub("export GH=" + token, Voice.WRITTEN, new Counters()));
    assertEquals("export GH=[REDACTED:github-pat]", SCRUBBER.scrub("export GH=" + token, Voice.READ, new Counters()));
    String password = "Zx9Lq2" + "Vb7NcT4w";
    assertEquals("DB_PASSWORD=$DB_PASSWORD", SCRUBBER.scrub("DB_PASSWORD=" + password, Voice.WRITTEN, new Counters()));
    assertEquals("cd /home/user/gt", SCRUBBER.scrub("cd /home/alice/gt", Voice.WRITTEN, new Counters()));
    // Personal data reads as it is written: the model reads a path and writes it back.
    assertEquals("cd /home/user/gt", SCRUBBER.scrub("cd /home/alice/gt", Voice.READ, new Counters()));
    assertEquals("mail user@example.com", SCRUBBER.scrub("mail ops" + "@" + "acme-corp.io", Voice.WRITTEN, new Counters()));
  }

  @Test
  void aSecretFoundOnceIsReplacedWhereverItStands() {
    String key = new FakeSecrets(6).alnum(28);
    Counters redactions = new Counters();
    String scrubbed = SCRUBBER.scrub("vendor token = '" + key + "' | '" + key + "'", redactions);
    assertFalse(scrubbed.contains(key), scrubbed);
    assertEquals(2, redactions.get("secret-assignment"));
  }

  @Test
  void aKeyOfOneCharacterOverAndOverIsStillAKeyAsScannersTestThem() {
    // Zeros, several runs or a repeated unit are a person's filler; one other character repeated
    // is how gitleaks' and TruffleHog's rule tests write their keys.
    for (String key : List.of("AGE-SECRET-KEY-1" + "Q".repeat(58), "shippo_" + "live_" + "a".repeat(40))) {
      String scrubbed = SCRUBBER.scrub("key: " + key, new Counters());
      assertFalse(scrubbed.contains(key), scrubbed);
    }
  }

  @Test
  void aQuotedValueThatOpensAQuoteOfItsOwnIsCodeNotAPassphrase() {
    String text = "private_key '\"no spaces';";
    assertEquals(text, SCRUBBER.scrub(text, new Counters()));
    String passphrase = "private_key = 'correct horse " + new FakeSecrets(9).letters(8).toLowerCase() + "'";
    assertFalse(SCRUBBER.scrub(passphrase, new Counters()).contains("horse"), passphrase);
  }

  @Test
  void aLineMarkedAsHoldingNoSecretIsLeftAsItIs() {
    String text = "API_KEY = \"" + new FakeSecrets(8).alnum(32) + "\"  # pragma: allowlist secret";
    assertEquals(text, SCRUBBER.scrub(text, new Counters()));
  }

  @Test
  void readsEscapedTextAsItIsMeant() {
    // A heredoc inside a JSON string: "\\n@pytest" starts a line, it does not end an address.
    String escaped = "cat <<EOF > t.py\\n@pytest.mark.slow\\ndef test_x(): pass\\nEOF";
    assertEquals(escaped, SCRUBBER.scrub(escaped, new Counters()));
    String key = new FakeSecrets(9).alnum(30);
    String nested = "{\\\"api_key\\\": \\\"" + key + "\\\"}";
    String scrubbed = SCRUBBER.scrub(nested, new Counters());
    assertFalse(scrubbed.contains(key), scrubbed);
    assertTrue(scrubbed.startsWith("{\\\"api_key\\\": \\\"[REDACTED:"), scrubbed);
  }

  @Test
  void knowsTheHomeUsersInTheirEncodedSpelling() {
    // Claude Code encodes /home/john.doe/gt as -home-john-doe-gt: only the real name delimits it.
    Counters redactions = new Counters();
    String scrubbed =
        SCRUBBER.withPeople(Map.of("john.doe", People.LOGIN)).scrub("-home-john-doe-gt-mayor/s1.jsonl and /home/john.doe/gt", redactions);
    assertEquals("-home-user-gt-mayor/s1.jsonl and /home/user/gt", scrubbed);
    assertEquals(2, redactions.get("home-dir"));
  }

  static Stream<String> harmless() {
    return Stream.of(
        "commit 3f2a91c8c04d7e5b1a9e0f6d2c4b8a7e9f1d3c5b",
        "session 5accf261-7636-400f-a6c8-065a1a4fb404",
        "toolu_01NxnX5an5wKaM9CDPOKSvArlj msg_01EEiRWuVvwAmenNJXZcerPY req_011CY2vXjEarsCbh9bG1N7Yz",
        "bead gt-abc12 and convoy hq-cv-7",
        "PASSWORD=changeme",
        "api_key = os.environ[\"API_KEY\"]",
        "const csrfToken = document.querySelector(\"meta[name='csrf-token']\")",
        "token = SpotterWeb.ReviewToken.mint(project.id)",
        "write to noreply@anthropic.com or dev@example.com; logo@2x.png",
        "icon@2x.dark.png, logo@3x.min.js and x@y.config.json are files",
        "git clone git@github.com:acme/gastown.git",
        "/home/<user>/gt/mayor",
        "see https://github.com/acme/gastown/pull/17 and http://localhost:8080/x",
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----",
        "the docs-home-page-layout component",
        "listening on 127.0.0.1:8080, 10.0.3.7, 192.168.1.20 and 172.17.0.2; docs use 203.0.113.9",
        "version 1.2.3.4.5 and OID 1.3.6.1.4.1.311",
        "at 12:30:45, MAC aa:bb:cc:dd:ee:ff, std::vector, ::1, fe80::1, fd00::2, 2001:db8::1",
        "\"output_tokens\": 120, \"cache_read_input_tokens\": 18000",
        "[REDACTED:github-pat]");
  }

  @ParameterizedTest
  @MethodSource("harmless")
  void leavesHarmlessTextAlone(String text) {
    Counters redactions = new Counters();
    assertEquals(text, SCRUBBER.scrub(text, redactions));
    assertEquals(Map.of(), redactions.asMap());
  }

  @Test
  void findsAddressesAtTheEdgesOfATextButNotInsideLongerNumbers() {
    String ipv4 = "52.14.0." + "77";
    String ipv6 = "2a00:1450:" + "4001:81b::200e";
    assertEquals("192.0.2.1", SCRUBBER.scrub(ipv4, new Counters()));
    assertEquals("ssh 192.0.2.1", SCRUBBER.scrub("ssh " + ipv4, new Counters()));
    assertEquals("2001:db8::1 up", SCRUBBER.scrub(ipv6 + " up", new Counters()));
    for (String inside : List.of("v" + ipv4, "1." + ipv4, "0" + ipv4 + ".9", "f:" + ipv6)) {
      assertEquals(inside, SCRUBBER.scrub(inside, new Counters()), inside);
    }
  }

  @Test
  void scrubbingTwiceChangesNothingMore() {
    String text = secrets().map(a -> (String) a.get()[1]).collect(Collectors.joining("\n"));
    Counters first = new Counters();
    String once = SCRUBBER.scrub(text, first);
    Counters second = new Counters();
    assertEquals(once, SCRUBBER.scrub(once, second));
    assertTrue(second.asMap().isEmpty(), second.asMap().toString());
  }
}
