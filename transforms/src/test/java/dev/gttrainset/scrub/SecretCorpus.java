package dev.gttrainset.scrub;

import java.util.ArrayList;
import java.util.List;

/**
 * One planted secret of every rule the table writes as a full pattern (keys, credentials known by
 * their context, personal data), in the context that rule needs, built from a seeded {@link
 * FakeSecrets}; provider tokens come from {@link Families}. A different seed gives different
 * secrets of the same shapes. Shared by the rule tests and the planted-secret job test.
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
          "aws-secret-key", "azure-sas-token", "azure-connection-string-key", "url-credentials",
          "connection-string-password", "authorization-header", "api-key-header", "curl-user-password",
          "secret-assignment", "high-entropy-secret", "home-dir", "public-ipv4", "public-ipv6", "email",
          "gcp-service-account-key", "basic-auth-credentials", "bearer-token", "sidekiq-sensitive-url");

  private static Planted leak(String rule, String before, String secret, String after) {
    return new Planted(rule, before + secret + after, secret);
  }

  /** The rules written as patterns, each planted in the context it needs. */
  public static List<Planted> oneOfEach(FakeSecrets fake) {
    List<Planted> planted = new ArrayList<>();
    planted.add(leak("private-key", "key:\n", fake.pem("RSA PRIVATE KEY"), "\nend"));
    planted.add(leak("private-key", "", fake.pem("OPENSSH PRIVATE KEY"), ""));
    planted.add(leak("private-key", "", fake.pem("EC PRIVATE KEY"), ""));
    planted.add(leak("private-key", "", fake.pem("DSA PRIVATE KEY"), ""));
    planted.add(leak("private-key", "", fake.pem("ENCRYPTED PRIVATE KEY"), ""));
    planted.add(leak("private-key", "", fake.pem("PGP PRIVATE KEY BLOCK"), ""));
    planted.add(leak("private-key", "cut off:\n", fake.pem("EC PRIVATE KEY").replaceAll("-----END[^-]*-----", ""), ""));
    planted.add(leak("putty-private-key", "", fake.putty(), ""));
    planted.add(leak("sidekiq-sensitive-url", "source \"https://", fake.hex(8) + ":" + fake.hex(8), "@gems.contribsys.com/\""));
    planted.add(leak("gcp-service-account-key", "{\"type\": \"service_account\", \"private_key_id\": \"", fake.hex(40), "\"}"));
    planted.add(leak("aws-secret-key", "aws secret = ", fake.base64(40), "\n"));
    planted.add(leak("azure-sas-token", "https://x.blob.core.windows.net/c?sv=2022&", "sig=" + fake.base64(43) + "%3D", ""));
    planted.add(leak("azure-connection-string-key", "Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=", fake.base64(43) + "=", ""));
    planted.add(leak("basic-auth-credentials", "send basic ", basic(fake), " with it"));
    planted.add(leak("bearer-token", "use Bearer ", fake.alnum(20) + fake.digits(6), " for it"));
    planted.add(leak("url-credentials", "postgres://app:", fake.alnum(18), "@db.internal:5432/app"));
    planted.add(leak("url-credentials", "mongodb+srv://admin:", fake.alnum(18), "@cluster0.x.mongodb.net/db"));
    planted.add(leak("url-credentials", "redis://:", fake.alnum(18), "@cache:6379/0"));
    planted.add(leak("url-credentials", "amqp://guest:", fake.alnum(12), "@rabbit:5672/"));
    planted.add(leak("url-credentials", "jdbc:mysql://root:", fake.alnum(12), "@db:3306/app"));
    planted.add(leak("connection-string-password", "jdbc:sqlserver://db:1433;user=sa;password=", "hunter2x" + fake.digits(3), ";"));
    planted.add(leak("connection-string-password", "Server=db;Database=app;User Id=app;Password=", "S3cretPw" + fake.alnum(4), ";"));
    planted.add(leak("authorization-header", "curl -H 'Authorization: Bearer ", fake.alnum(40), "' x"));
    planted.add(leak("authorization-header", "Authorization: Basic ", fake.base64(24), "\n"));
    planted.add(leak("authorization-header", "Authorization: Api-Token ", fake.hex(40), "\n"));
    planted.add(leak("api-key-header", "curl -H \"X-Api-Key: ", fake.alnum(32), "\" x"));
    planted.add(leak("curl-user-password", "curl -u admin:", fake.alnum(14), " https://x"));
    planted.add(leak("curl-user-password", "curl --user kevin:'", fake.alnum(16), "' -X PATCH https://x"));
    planted.add(leak("secret-assignment", "STRIPE_SECRET=", fake.alnum(32), ""));
    planted.add(leak("secret-assignment", "{\"api_key\": \"", fake.alnum(32), "\"}"));
    planted.add(leak("secret-assignment", "db:\n  password: ", fake.alnum(16), "\n"));
    planted.add(leak("secret-assignment", "export GITEA_TOKEN=", fake.alnum(24), ""));
    planted.add(leak("high-entropy-secret", "the signing secret is ", fake.base64(48), " (rotate monthly)"));
    planted.add(leak("email", "mail ", name(fake) + "." + name(fake) + "@" + name(fake) + "-corp.io", " now"));
    planted.add(leak("email", "Then send the summary to ", name(fake) + "@" + name(fake) + ".co.uk", ""));
    planted.add(leak("public-ipv4", "ssh ubuntu@", ipv4(fake), " -p 22"));
    planted.add(leak("public-ipv4", "the server is ", ipv4(fake), ""));
    planted.add(leak("public-ipv6", "ping6 ", "2a00:" + fake.hex(4) + ":4001:81b::" + fake.hex(4), ""));
    planted.add(leak("home-dir", "cd /home/", name(fake), "/gt/mayor"));
    planted.add(leak("home-dir", "open /Users/", name(fake), "/Library"));
    planted.add(leak("home-dir", "C:\\Users\\", name(fake), "\\Documents"));
    planted.add(leak("home-dir", "-home-", name(fake), "-gt-mayor/s1.jsonl"));
    planted.add(leak("home-dir", "<a href=/home/", name(fake), "<br>"));
    return planted;
  }

  /** HTTP basic credentials: base64 of {@code user:password}. */
  private static String basic(FakeSecrets fake) {
    String credentials = name(fake) + ":" + fake.alnum(14);
    return java.util.Base64.getEncoder().encodeToString(credentials.getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
