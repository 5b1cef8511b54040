package dev.gttrainset.testdata;

import java.util.SplittableRandom;
import java.util.UUID;

/** Identifiers in Claude Code's shapes, drawn from the town's one seeded random source. */
final class Ids {
  private static final String BASE62 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  private final SplittableRandom random;

  Ids(SplittableRandom random) {
    this.random = random;
  }

  /** A version 4 UUID, as Claude Code uses for sessions and records. */
  String uuid() {
    long most = (random.nextLong() & ~0xF000L) | 0x4000L;
    long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(most, least).toString();
  }

  String messageId() {
    return "msg_01" + base62(24);
  }

  String toolUseId() {
    return "toolu_01" + base62(24);
  }

  String requestId() {
    return "req_011" + base62(22);
  }

  String agentId() {
    return Long.toHexString(random.nextLong() | Long.MIN_VALUE).substring(0, 8);
  }

  private String base62(int length) {
    char[] chars = new char[length];
    for (int i = 0; i < length; i++) {
      chars[i] = BASE62.charAt(random.nextInt(BASE62.length()));
    }
    return new String(chars);
  }
}
