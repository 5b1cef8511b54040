package dev.gttrainset.scrub;

import java.util.List;

/**
 * One planted secret of every rule family, in the context that rule needs, built from a seeded
 * {@link FakeSecrets}: a different seed gives different secrets of the same shapes. Shared by the
 * rule tests and the planted-secret job test.
 */
public final class SecretCorpus {
  private SecretCorpus() {}

  /** A secret, the text it is planted in, and the rule that must find it. */
  public static final class Planted {
    public final String rule;
    public final String text;
    public final String secret;

    Planted(String rule, String text, String secret) {
      this.rule = rule;
      this.text = text;
      this.secret = secret;
    }

    /** Whether the secret alone, without its surrounding words, is still recognisable. */
    public boolean standsAlone() {
      return text.equals(secret) || !CONTEXT_RULES.contains(rule);
    }

    @Override
    public String toString() {
      return rule + ": " + text;
    }
  }

  /** Rules that need words around the secret (a variable name, a header, a URL) to see it. */
  static final List<String> CONTEXT_RULES =
      List.of(
          "aws-secret-key", "azure-storage-key", "azure-sas-token", "url-credentials",
          "connection-string-password", "authorization-header", "api-key-header", "curl-user-password",
          "secret-assignment", "high-entropy-secret", "discord-bot-token", "home-dir", "public-ipv4",
          "public-ipv6", "twilio-api-key", "email");

  private static Planted leak(String rule, String before, String secret, String after) {
    return new Planted(rule, before + secret + after, secret);
  }

  public static List<Planted> oneOfEach(FakeSecrets fake) {
    return List.of(
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
        leak("email", "mail ", name(fake) + "." + name(fake) + "@" + name(fake) + "-corp.io", " now"),
        leak("email", "Then send the summary to ", name(fake) + "@" + name(fake) + ".co.uk", ""),
        leak("public-ipv4", "ssh ubuntu@", ipv4(fake), " -p 22"),
        leak("public-ipv4", "the server is ", ipv4(fake), ""),
        leak("public-ipv6", "ping6 ", "2a00:" + fake.hex(4) + ":4001:81b::" + fake.hex(4), ""),
        leak("home-dir", "cd /home/", name(fake), "/gt/mayor"),
        leak("home-dir", "open /Users/", name(fake), "/Library"),
        leak("home-dir", "C:\\Users\\", name(fake), "\\Documents"),
        leak("home-dir", "-home-", name(fake), "-gt-mayor/s1.jsonl"),
        leak("home-dir", "<a href=/home/", name(fake), "<br>"));
  }

  private static String name(FakeSecrets fake) {
    return fake.pick(1, "abcdefghijklmnopqrstuvwxyz") + fake.pick(5, "abcdefghijklmnopqrstuvwxyz0123456789");
  }

  /** A public address: the first octet avoids every private, loopback and reserved range. */
  private static String ipv4(FakeSecrets fake) {
    return (34 + Integer.parseInt(fake.pick(1, "0123456789"))) + "." + octet(fake) + "." + octet(fake) + "." + octet(fake);
  }

  private static int octet(FakeSecrets fake) {
    return 1 + Integer.parseInt(fake.pick(2, "0123456789"));
  }
}
