package dev.gttrainset.scrub;

import java.util.Random;

/**
 * Secrets of every family, assembled at test time from a seeded random source: they have the
 * shape the rules look for, and no real credential sits in the repository.
 */
public final class FakeSecrets {
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";

  private final Random random;

  public FakeSecrets(long seed) {
    this.random = new Random(seed);
  }

  public String pick(int length, String alphabet) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  public String alnum(int length) {
    return pick(length, UPPER + LOWER + DIGITS);
  }

  public String letters(int length) {
    return pick(length, UPPER + LOWER);
  }

  public String upper(int length) {
    return pick(length, UPPER + DIGITS);
  }

  public String digits(int length) {
    return pick(1, "123456789") + pick(length - 1, DIGITS);
  }

  public String hex(int length) {
    return pick(length, "0123456789abcdef");
  }

  public String base64(int length) {
    return pick(length, UPPER + LOWER + DIGITS + "+/");
  }

  public String awsKeyId(String prefix) {
    return prefix + pick(16, UPPER + "234567");
  }

  public String anthropic(String kind) {
    return "sk-" + "ant-" + kind + "-" + alnum(93) + "-" + alnum(6) + "AA";
  }

  /** A PEM block of the named kind, {@code RSA PRIVATE KEY} or {@code PGP PRIVATE KEY BLOCK}. */
  public String pem(String kind) {
    StringBuilder pem = new StringBuilder("-----BEGIN ").append(kind).append("-----\n");
    if (kind.startsWith("ENCRYPTED") || kind.startsWith("RSA")) {
      pem.append("Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,").append(hex(32).toUpperCase()).append("\n\n");
    }
    for (int i = 0; i < 6; i++) {
      pem.append(base64(64)).append('\n');
    }
    return pem.append(base64(20)).append("==\n-----END ").append(kind).append("-----").toString();
  }

  public String putty() {
    StringBuilder key =
        new StringBuilder("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n");
    key.append(base64(64)).append('\n').append(base64(20)).append("\nPrivate-Lines: 1\n").append(base64(44)).append('\n');
    return key.append("Private-MAC: ").append(hex(64)).toString();
  }
}
