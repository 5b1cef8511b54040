package dev.gttrainset.scrub;

import dev.gttrainset.parse.TranscriptPath;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The scrub rule table: secrets first (each family its own placeholder), then personal data. Order
 * matters where rules overlap: a private key block goes before anything that could match inside it.
 */
public final class ScrubRules {
  private static final String B64 = "A-Za-z0-9+/";

  private static final String USER = "<user>";

  /** A project folder's name, at the start of a path segment: -home- or -Users-. */
  private static final String ENCODED_HOME = "(?<![^/])-(?:home|Users)-";

  /** A value another rule already replaced is not a secret twice. */
  private static final String NOT_REDACTED = "(?!\\[REDACTED:)";

  public static final List<ScrubRule> DEFAULT =
      List.of(
          ScrubRule.builder(
                  "private-key",
                  "-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----[\\s\\S]{0,20000}?"
                      + "-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----")
              .keywords("private key")
              .build(),
          // A key whose END line is missing (cut off, or the rest of the file never printed):
          // the header and every line of key material after it.
          ScrubRule.builder(
                  "private-key",
                  "-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----"
                      + "(?:[\\r\\n]{1,2}[A-Za-z0-9+/=][A-Za-z0-9+/=:, \\-]{0,200}+){0,2000}+")
              .keywords("private key")
              .build(),
          ScrubRule.builder("anthropic-api-key", "sk-ant-[a-z]{2,10}[0-9]{0,3}-[A-Za-z0-9_\\-]{20,300}")
              .keywords("sk-ant-")
              .build(),
          ScrubRule.builder(
                  "openai-api-key",
                  "sk-(?:proj|svcacct|admin)-[A-Za-z0-9_\\-]{20,300}"
                      + "|\\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\\b")
              .keywords("sk-proj-", "sk-svcacct-", "sk-admin-", "t3blbkfj")
              .build(),
          ScrubRule.builder(
                  "github-token",
                  "\\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\\b")
              .keywords("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")
              .build(),
          ScrubRule.builder("aws-access-key", "\\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\\b")
              .keywords("akia", "asia", "abia", "acca", "a3t")
              .build(),
          ScrubRule.builder(
                  "authorization-header",
                  "(?i)(authorization:\\s{0,5}(?:bearer|basic|token)\\s{1,5})([" + B64 + "._~\\-]{8,2000}=*)")
              .secretGroup(2)
              .keywords("authorization")
              .build(),
          ScrubRule.builder(
                  "url-credentials",
                  "\\b[a-zA-Z][a-zA-Z0-9+.\\-]{1,20}://[^\\s:/@\"']{1,100}:"
                      + NOT_REDACTED
                      + "([^\\s@/\"']{1,200})@")
              .secretGroup(1)
              .keywords("://")
              .build(),
          // NAME = value, as in .env files, shells, YAML and JSON; the value must look like a
          // credential (letters and digits mixed, random enough), not code like foo.bar(x).
          ScrubRule.builder(
                  "secret-assignment",
                  "(?i)\\b[A-Z0-9_]{0,40}(?:SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|ACCESS_?KEY|AUTH_?KEY)"
                      + "[A-Z0-9_]{0,40}[\"']?\\s{0,3}[:=]\\s{0,3}[\"']?"
                      + NOT_REDACTED
                      + "([A-Za-z0-9+/=_\\-.~]{12,300})(?![A-Za-z0-9+/=_\\-.~(\\[])")
              .secretGroup(1)
              .keywords("secret", "token", "password", "passwd", "key")
              .secretMustMatch("^(?=.*[0-9])(?=.*[A-Za-z])")
              .minEntropy(3.0)
              .build(),
          ScrubRule.builder(
                  "email",
                  "\\b[A-Za-z0-9._%+\\-]{1,64}@[A-Za-z0-9\\-]{1,63}(?:\\.[A-Za-z0-9\\-]{1,63}){0,8}\\.[A-Za-z]{2,24}\\b")
              .keywords("@")
              .allow(
                  "noreply@anthropic.com",
                  "@example.com",
                  "@example.org",
                  "@example.net",
                  "@users.noreply.github.com")
              .build(),
          ScrubRule.builder("home-dir", "(/home/|/Users/)([^/\\s\"'<>:]{1,64}+)")
              .secretGroup(2)
              .keywords("/home/", "/users/")
              .replacement(USER)
              .build(),
          ScrubRule.builder("home-dir", "(?i)(\\b[A-Z]:\\\\Users\\\\)([^\\\\\\s\"'<>:]{1,64}+)")
              .secretGroup(2)
              .keywords(":\\users\\")
              .replacement(USER)
              .build(),
          // Claude Code names project folders after the cwd: /home/alice/gt becomes -home-alice-gt.
          // A name with '.' or '-' cannot be told apart here; homeUsers() knows the real names.
          ScrubRule.builder("home-dir", ENCODED_HOME + "([A-Za-z0-9_]{1,64})(?=-)")
              .secretGroup(1)
              .keywords("-home-", "-users-")
              .replacement(USER)
              .build());

  /**
   * A rule for the home folder names seen in the sessions' working directories, in the encoded
   * form of project folders, where {@code john.doe} became {@code john-doe} and the generic rule
   * would stop at {@code john}.
   */
  static ScrubRule homeUsers(Collection<String> names) {
    String alternatives =
        names.stream()
            .map(TranscriptPath::encode)
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
            .map(Pattern::quote)
            .collect(Collectors.joining("|"));
    return ScrubRule.builder("home-dir", ENCODED_HOME + "(" + alternatives + ")(?=-)")
        .secretGroup(1)
        .keywords("-home-", "-users-")
        .replacement(USER)
        .build();
  }

  private ScrubRules() {}
}
