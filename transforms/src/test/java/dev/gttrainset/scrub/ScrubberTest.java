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
 * Per rule, strings that must be scrubbed and strings that must pass, gitleaks style. Secrets are
 * assembled from parts here, at test time ({@link FakeSecrets}), so no real-looking secret sits in
 * the repository.
 */
class ScrubberTest {
  private static final Scrubber SCRUBBER = Scrubber.withDefaultRules();

  /** A rule, a text holding a secret, and the secret: what must not survive scrubbing. */
  private static Arguments leak(String rule, String before, String secret, String after) {
    return Arguments.of(rule, before + secret + after, secret);
  }

  static Stream<Arguments> secrets() {
    FakeSecrets fake = new FakeSecrets(42);
    return Stream.of(
        leak("private-key", "key:\n", fake.pem("RSA PRIVATE KEY"), "\nend"),
        leak("private-key", "", fake.pem("OPENSSH PRIVATE KEY"), ""),
        leak("private-key", "", fake.pem("EC PRIVATE KEY"), ""),
        leak("private-key", "", fake.pem("DSA PRIVATE KEY"), ""),
        leak("private-key", "", fake.pem("ENCRYPTED PRIVATE KEY"), ""),
        leak("private-key", "", fake.pem("PGP PRIVATE KEY BLOCK"), ""),
        leak("private-key", "{\"private_key\": \"", fake.pem("PRIVATE KEY").replace("\n", "\\n"), "\\n\"}"),
        leak("private-key", "cut off:\n", fake.pem("EC PRIVATE KEY").replaceAll("-----END[^-]*-----", ""), ""),
        leak("putty-private-key", "", fake.putty(), ""),
        leak("anthropic-api-key", "export KEY=", fake.anthropic("api03"), ""),
        leak("anthropic-admin-key", "", fake.anthropic("admin01"), ""),
        leak("claude-oauth-token", "token: ", fake.anthropic("oat01"), ""),
        leak("claude-oauth-token", "refresh ", fake.anthropic("ort01"), ""),
        leak("openai-api-key", "OPENAI=", "sk-" + "proj-" + fake.alnum(48), ""),
        leak("openai-api-key", "", "sk-" + "svcacct-" + fake.alnum(48), ""),
        leak("openai-api-key", "key ", "sk-" + fake.alnum(20) + "T3Blbk" + "FJ" + fake.alnum(20), " end"),
        leak("github-pat", "token ", "gh" + "p_" + fake.alnum(36), ""),
        leak("github-oauth", "", "gh" + "o_" + fake.alnum(36), ""),
        leak("github-app-token", "", "gh" + "s_" + fake.alnum(36), ""),
        leak("github-app-token", "", "gh" + "u_" + fake.alnum(36), ""),
        leak("github-refresh-token", "", "gh" + "r_" + fake.alnum(36), ""),
        leak("github-fine-grained-pat", "", "github" + "_pat_" + fake.alnum(22) + "_" + fake.alnum(59), ""),
        leak("gitlab-pat", "PRIVATE-TOKEN ", "glp" + "at-" + fake.alnum(20), ""),
        leak("gitlab-token", "", "glp" + "tt-" + fake.alnum(40), ""),
        leak("aws-access-key", "id=", fake.awsKeyId("AKIA"), "\n"),
        leak("aws-access-key", "", fake.awsKeyId("ASIA"), ""),
        leak("aws-secret-key", "aws_secret_access_key = ", fake.base64(40), "\n"),
        leak("gcp-api-key", "key=", "AI" + "za" + fake.alnum(35), "&x"),
        leak("google-oauth-token", "Bearer-less ", "ya" + "29." + fake.alnum(80), ""),
        leak("google-refresh-token", "refresh ", "1/" + "/0" + fake.alnum(60), ""),
        leak("slack-token", "", "xo" + "xb-" + fake.digits(12) + "-" + fake.digits(13) + "-" + fake.alnum(24), ""),
        leak("slack-token", "", "xo" + "xp-" + fake.digits(12) + "-" + fake.digits(13) + "-" + fake.alnum(32), ""),
        leak("slack-app-token", "SLACK_APP=", "xa" + "pp-1-A" + fake.upper(10) + "-" + fake.digits(13) + "-" + fake.hex(64), ""),
        leak("slack-webhook", "https://", "hooks.slack" + ".com/services/T" + fake.upper(8) + "/B" + fake.upper(8) + "/" + fake.alnum(24), ""),
        leak("stripe-key", "", "sk_" + "live_" + fake.alnum(24), ""),
        leak("stripe-key", "", "rk_" + "test_" + fake.alnum(24), ""),
        leak("huggingface-token", "HF ", "h" + "f_" + fake.letters(34), ""),
        leak("npm-token", "//registry.npmjs.org/:_authToken=", "np" + "m_" + fake.alnum(36), ""),
        leak("pypi-token", "", "pypi-" + "AgEIcHlwaS5vcmc" + fake.alnum(60), ""),
        leak("twilio-api-key", "", "S" + "K" + fake.hex(32), ""),
        leak("sendgrid-api-key", "", "S" + "G." + fake.alnum(22) + "." + fake.alnum(43), ""),
        leak("discord-bot-token", "discord bot ", "M" + fake.alnum(23) + "." + fake.alnum(6) + "." + fake.alnum(27), ""),
        leak("discord-webhook", "https://", "discord" + ".com/api/webhooks/" + fake.digits(18) + "/" + fake.alnum(68), ""),
        leak("telegram-bot-token", "bot", fake.digits(9) + ":A" + "A" + fake.alnum(33), "/getMe"),
        leak("azure-storage-key", "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=", fake.base64(86) + "==", ";"),
        leak("azure-sas-token", "https://x.blob.core.windows.net/c?sv=2022&", "sig=" + fake.base64(43) + "%3D", ""),
        leak("jwt", "Bearer-less ", "ey" + "J" + fake.alnum(20) + ".ey" + "J" + fake.alnum(40) + "." + fake.alnum(43), ""),
        leak("url-credentials", "postgres://app:", fake.alnum(18), "@db.internal:5432/app"),
        leak("url-credentials", "mongodb+srv://admin:", fake.alnum(18), "@cluster0.x.mongodb.net/db"),
        leak("url-credentials", "redis://:", fake.alnum(18), "@cache:6379/0"),
        leak("url-credentials", "amqp://guest:", fake.alnum(12), "@rabbit:5672/"),
        leak("url-credentials", "jdbc:mysql://root:", fake.alnum(12), "@db:3306/app"),
        leak("connection-string-password", "jdbc:sqlserver://db:1433;user=sa;password=", "hunter2x", ";"),
        leak("connection-string-password", "Server=db;Database=app;User Id=app;Password=", "S3cretPw", ";"),
        leak("authorization-header", "curl -H 'Authorization: Bearer ", fake.alnum(40), "' x"),
        leak("authorization-header", "Authorization: Basic ", fake.base64(24), "\n"),
        leak("authorization-header", "Authorization: token ", fake.alnum(40), "\n"),
        leak("api-key-header", "curl -H \"X-Api-Key: ", fake.alnum(32), "\" x"),
        leak("curl-user-password", "curl -u admin:", fake.alnum(14), " https://x"),
        leak("secret-assignment", "STRIPE_SECRET_KEY=", fake.alnum(32), ""),
        leak("secret-assignment", "{\"api_key\": \"", fake.alnum(32), "\"}"),
        leak("secret-assignment", "db:\n  password: ", fake.alnum(16), "\n"),
        leak("secret-assignment", "export GITEA_TOKEN=", fake.alnum(24), ""),
        leak("high-entropy-secret", "the signing secret is ", fake.base64(48), " (rotate monthly)"),
        leak("email", "mail ", "jane.doe" + "@" + "acme-corp.io", " now"),
        leak("public-ipv4", "ssh ubuntu@", "34.201." + "17.5", " -p 22"),
        leak("public-ipv6", "ping6 ", "2a00:" + "1450:4001:81b::200e", ""),
        leak("home-dir", "cd /home/", "alice", "/gt/mayor"),
        leak("home-dir", "open /Users/", "bob", "/Library"),
        leak("home-dir", "C:\\Users\\", "carol", "\\Documents"),
        leak("home-dir", "-home-", "dave", "-gt-mayor/s1.jsonl"),
        leak("home-dir", "<a href=/home/", "erin", "<br>"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("secrets")
  void scrubs(String rule, String text, String secret) {
    Counters redactions = new Counters();
    String scrubbed = SCRUBBER.scrub(text, redactions);
    assertEquals(Map.of(rule, 1L), redactions.asMap(), () -> rule + " on " + text + " gave " + scrubbed);
    assertFalse(scrubbed.contains(secret), () -> "secret survived: " + scrubbed);
  }

  @Test
  void everyRuleHasAScrubbingCase() {
    Set<String> covered = secrets().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
    assertEquals(Set.copyOf(ScrubRules.ids()), covered);
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
        "api_key = os.environ[\"API_KEY\"]",
        "const csrfToken = document.querySelector(\"meta[name='csrf-token']\")",
        "token = SpotterWeb.ReviewToken.mint(project.id)",
        "write to noreply@anthropic.com or dev@example.com; logo@2x.png",
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
  void scrubbingTwiceChangesNothingMore() {
    String text = secrets().map(a -> (String) a.get()[1]).collect(Collectors.joining("\n"));
    Counters first = new Counters();
    String once = SCRUBBER.scrub(text, first);
    Counters second = new Counters();
    assertEquals(once, SCRUBBER.scrub(once, second));
    assertTrue(second.asMap().isEmpty(), second.asMap().toString());
  }
}
