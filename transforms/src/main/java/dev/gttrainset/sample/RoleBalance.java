package dev.gttrainset.sample;

import dev.gttrainset.model.GtRole;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many copies of each training sample a role keeps, from the roles' counts and their target
 * shares. {@code cap}: a role above its target keeps that share of its samples, chosen by content
 * hash. {@code oversample}: a role below its target is repeated up to it, the last partial round
 * chosen by content hash. Shares not given are split evenly among the other roles that have
 * samples. Validation samples are never touched: balance is for training.
 */
public final class RoleBalance implements Serializable {
  /** What --balance asks for. */
  public enum Mode {
    NONE,
    CAP,
    OVERSAMPLE;

    public static Mode parse(String text) {
      try {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--balance must be none, cap or oversample, not " + text, e);
      }
    }
  }

  private final Mode mode;
  private final Map<String, Double> givenShares;

  /** @param givenShares role id to target share of training samples, from 0 to 1, summing to at most 1 */
  public RoleBalance(Mode mode, Map<String, Double> givenShares) {
    double sum = 0;
    for (Map.Entry<String, Double> share : givenShares.entrySet()) {
      if (!(share.getValue() >= 0 && share.getValue() <= 1)) {
        throw new IllegalArgumentException("--balanceTargets: the share of " + share.getKey() + " must be from 0 to 1");
      }
      sum += share.getValue();
    }
    if (sum > 1 + 1e-9) {
      throw new IllegalArgumentException("--balanceTargets: shares add up to " + sum + ", more than 1");
    }
    this.mode = mode;
    this.givenShares = new TreeMap<>(givenShares);
  }

  /** {@code mayor=0.3,deacon=0.1}: role ids and shares. */
  public static Map<String, Double> parseTargets(String text) {
    Map<String, Double> shares = new TreeMap<>();
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] roleAndShare = part.split("=", 2);
      if (roleAndShare.length != 2 || !GtRole.fromId(roleAndShare[0].strip()).id().equals(roleAndShare[0].strip())) {
        throw new IllegalArgumentException("--balanceTargets: expected role=share, not " + part);
      }
      try {
        shares.put(roleAndShare[0].strip(), Double.parseDouble(roleAndShare[1].strip()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--balanceTargets: not a share: " + part, e);
      }
    }
    return shares;
  }

  public Mode mode() {
    return mode;
  }

  /** Each role's target share, given or even. */
  public Map<String, Double> targets(Map<String, Long> trainCounts) {
    Map<String, Double> targets = new TreeMap<>();
    double left = 1;
    int others = 0;
    for (Map.Entry<String, Long> role : trainCounts.entrySet()) {
      if (givenShares.containsKey(role.getKey())) {
        targets.put(role.getKey(), givenShares.get(role.getKey()));
        left -= givenShares.get(role.getKey());
      } else if (role.getValue() > 0) {
        others++;
      }
    }
    for (Map.Entry<String, Long> role : trainCounts.entrySet()) {
      if (!targets.containsKey(role.getKey()) && role.getValue() > 0) {
        targets.put(role.getKey(), Math.max(0, left) / others);
      }
    }
    return targets;
  }

  /**
   * How many times a training sample of this role is written: 0 (capped away), 1, or more
   * (repeats), decided by {@code position}, the sample's place in [0, 1) by its content hash.
   */
  public int copies(String role, double position, Map<String, Long> trainCounts) {
    long count = trainCounts.getOrDefault(role, 0L);
    if (mode == Mode.NONE || count == 0) {
      return 1;
    }
    long total = trainCounts.values().stream().mapToLong(Long::longValue).sum();
    double wanted = targets(trainCounts).getOrDefault(role, 0.0) * total;
    double ratio = wanted / count;
    if (mode == Mode.CAP) {
      return ratio >= 1 || position < ratio ? 1 : 0;
    }
    if (ratio <= 1) {
      return 1;
    }
    int whole = (int) Math.floor(ratio);
    return whole + (position < ratio - whole ? 1 : 0);
  }

  /** Where a sample falls in [0, 1) by its content hash: the first 52 bits of the hex digest. */
  public static double position(String contentSha256) {
    if (contentSha256.length() < 13) {
      return 0;
    }
    return Long.parseLong(contentSha256.substring(0, 13), 16) / (double) (1L << 52);
  }
}
