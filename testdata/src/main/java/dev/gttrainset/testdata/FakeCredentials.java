package dev.gttrainset.testdata;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Credentials of the shapes agents really leak, all fake: drawn at run time from a fixed seed, so
 * that a generated town holds keys as random as real ones (a scrubber keeps stand-ins such as
 * {@code ...EXAMPLE} on purpose) and no whole one sits in the source.
 */
public final class FakeCredentials {
  private static final SplittableRandom DRAW = new SplittableRandom(20261201L);
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String ALNUM = UPPER + "abcdefghijklmnopqrstuvwxyz0123456789";

  private static final String AWS_ACCESS_KEY = "AKIA" + draw(UPPER + "234567", 16);
  private static final String AWS_SECRET_KEY = draw(ALNUM + "/+", 40);
  private static final String GITHUB_TOKEN = "gh" + "p_" + draw(ALNUM, 36);
  private static final String ANTHROPIC_KEY = "sk-" + "ant-api03-" + draw(ALNUM + "-_", 93) + "AA";
  private static final String DB_PASSWORD = draw(ALNUM, 10) + "-" + draw(ALNUM, 6);
  private static final String EMAIL = "jane.doe" + "@" + "acme-corp.io";

  private static String draw(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(DRAW.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private FakeCredentials() {}

  /** Every credential a generated town may hold, for tests that prove none reaches an output. */
  public static List<String> all() {
    return List.of(AWS_ACCESS_KEY, AWS_SECRET_KEY, GITHUB_TOKEN, ANTHROPIC_KEY, DB_PASSWORD, EMAIL);
  }

  /** A {@code .env} file as the Read tool shows it, with one to three secrets in it. */
  static String envFile(SplittableRandom random) {
    List<String> lines =
        List.of(
            "DATABASE_URL=postgres://gastown:" + DB_PASSWORD + "@db.internal:5432/gastown",
            "ANTHROPIC_API_KEY=" + ANTHROPIC_KEY,
            "AWS_ACCESS_KEY_ID=" + AWS_ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY=" + AWS_SECRET_KEY,
            "GITHUB_TOKEN=" + GITHUB_TOKEN,
            "OWNER_EMAIL=" + EMAIL);
    StringBuilder out = new StringBuilder();
    int first = random.nextInt(lines.size());
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      out.append(String.format(java.util.Locale.ROOT, "%6d\t", i + 1)).append(lines.get((first + i) % lines.size())).append('\n');
    }
    out.append(String.format(java.util.Locale.ROOT, "%6d\t", count + 1)).append("LOG_LEVEL=info\n");
    return out.toString();
  }

  /** A command with a token in it, as agents type them. */
  static String curlWithToken() {
    return "curl -s -H 'Authorization: token " + GITHUB_TOKEN + "' https://api.github.com/repos/steveyegge/gastown/pulls";
  }

  static String email() {
    return EMAIL;
  }
}
