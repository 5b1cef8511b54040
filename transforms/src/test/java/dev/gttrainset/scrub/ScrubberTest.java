package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.stats.Counters;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per rule, strings that must be scrubbed and strings that must pass, gitleaks style. Secrets are
 * assembled from parts here, at test time, so no real-looking secret sits in the repository.
 */
class ScrubberTest {
  private static final Scrubber SCRUBBER = Scrubber.withDefaultRules();
  private static final Random RANDOM = new Random(42);

  private static String random(int length, String alphabet) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static String alnum(int length) {
    return random(length, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
  }

  private static String upper(int length) {
    return random(length, "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567");
  }

  /** A rule, a text holding a secret, and the secret: what must not survive scrubbing. */
  private static Arguments leak(String rule, String before, String secret, String after) {
    return Arguments.of(rule, before + secret + after, secret);
  }

  static Stream<Arguments> secrets() {
    String pem = "-----BEGIN " + "RSA PRIVATE KEY-----\n" + alnum(64) + "\n" + alnum(64) + "\n-----END RSA PRIVATE KEY-----";
    String openssh = "-----BEGIN " + "OPENSSH PRIVATE KEY-----\n" + alnum(70) + "\n-----END OPENSSH PRIVATE KEY-----";
    return Stream.of(
        leak("private-key", "key:\n", pem, "\nend"),
        leak("private-key", "", openssh, ""),
        leak("anthropic-api-key", "export KEY=", "sk-ant-" + "api03-" + alnum(48), ""),
        leak("openai-api-key", "OPENAI=", "sk-" + "proj-" + alnum(48), ""),
        leak("openai-api-key", "key ", "sk-" + alnum(20) + "T3Blbk" + "FJ" + alnum(20), " end"),
        leak("github-token", "token ", "gh" + "p_" + alnum(36), ""),
        leak("github-token", "", "github" + "_pat_" + alnum(22) + "_" + alnum(40), ""),
        leak("aws-access-key", "id=", "AKIA" + upper(16), "\n"),
        leak("authorization-header", "curl -H 'Authorization: Bearer ", alnum(40), "' x"),
        leak("url-credentials", "postgres://app:", alnum(18), "@db.internal:5432/app"),
        leak("secret-assignment", "STRIPE_SECRET_KEY=", alnum(32), ""),
        leak("secret-assignment", "{\"api_key\": \"", alnum(32), "\"}"),
        leak("email", "mail ", "jane.doe" + "@" + "acme-corp.io", " now"),
        leak("home-dir", "cd /home/", "alice", "/gt/mayor"),
        leak("home-dir", "open /Users/", "bob", "/Library"),
        leak("home-dir", "C:\\Users\\", "carol", "\\Documents"),
        leak("home-dir", "-home-", "dave", "-gt-mayor/s1.jsonl"),
        leak("home-dir", "<a href=/home/", "erin", "<br>"),
        leak("private-key", "cut off:\n", "-----BEGIN " + "EC PRIVATE KEY-----\n" + alnum(64) + "\n" + alnum(40), ""));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("secrets")
  void scrubs(String rule, String text, String secret) {
    Counters redactions = new Counters();
    String scrubbed = SCRUBBER.scrub(text, redactions);
    assertEquals(1, redactions.get(rule), () -> rule + " on " + text + " gave " + scrubbed);
    assertFalse(scrubbed.contains(secret), () -> "secret survived: " + scrubbed);
  }

  @Test
  void knowsTheHomeUsersInTheirEncodedSpelling() {
    // Claude Code encodes /home/john.doe/gt as -home-john-doe-gt: only the real name delimits it.
    Counters redactions = new Counters();
    String scrubbed =
        SCRUBBER.withHomeUsers(List.of("john.doe")).scrub("-home-john-doe-gt-mayor/s1.jsonl and /home/john.doe/gt", redactions);
    assertEquals("-home-<user>-gt-mayor/s1.jsonl and /home/<user>/gt", scrubbed);
    assertEquals(2, redactions.get("home-dir"));
  }

  static Stream<String> harmless() {
    return Stream.of(
        "commit 3f2a91c8c04d7e5b1a9e0f6d2c4b8a7e9f1d3c5b",
        "session 5accf261-7636-400f-a6c8-065a1a4fb404",
        "toolu_01NxnX5an5wKaM9CDPOKSvArlj msg_01EEiRWuVvwAmenNJXZcerPY req_011CY2vXjEarsCbh9bG1N7Yz",
        "bead gt-abc12 and convoy hq-cv-7",
        "PASSWORD=changeme",
        "const csrfToken = document.querySelector(\"meta[name='csrf-token']\")",
        "token = SpotterWeb.ReviewToken.mint(project.id)",
        "write to noreply@anthropic.com or dev@example.com",
        "/home/<user>/gt/mayor",
        "see https://github.com/acme/gastown/pull/17",
        "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----",
        "the docs-home-page-layout component",
        "[REDACTED:github-token]");
  }

  @ParameterizedTest
  @MethodSource("harmless")
  void leavesHarmlessTextAlone(String text) {
    Counters redactions = new Counters();
    assertEquals(text, SCRUBBER.scrub(text, redactions));
    assertEquals(java.util.Map.of(), redactions.asMap());
  }
}
