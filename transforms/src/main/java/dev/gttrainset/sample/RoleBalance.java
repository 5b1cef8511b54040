package dev.gttrainset.sample;

import dev.gttrainset.model.GtRole;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How many copies of each training sample a role keeps, from the roles' counts and their target
 * shares of the balanced training set. {@code cap}: a role above its target is sampled down to it,
 * the samples kept chosen by content hash. {@code oversample}: a role below its target is repeated
 * up to it, the samples of the last partial round chosen by content hash. Either way a moved role
 * ends at its share to the sample. With targets given, the roles not named
 * keep their samples as they are; with none, every role's target is an even share (cap then cuts
 * every role to the smallest, oversample repeats every role up to the largest). Validation samples
 * are never touched: balance is for training.
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

  /** Each role's target share: the given ones, or with none given an even share for every role with samples. */
  public Map<String, Double> targets(Map<String, Long> trainCounts) {
    if (!givenShares.isEmpty()) {
      return givenShares;
    }
    Map<String, Double> even = new TreeMap<>();
    long roles = trainCounts.values().stream().filter(count -> count > 0).count();
    trainCounts.forEach((role, count) -> {
      if (count > 0) {
        even.put(role, 1.0 / roles);
      }
    });
    return even;
  }

  /**
   * The copies each role's training samples get on average: for the roles the mode moves (cap: above
   * their target share; oversample: below it) the ratio that puts them at exactly their share of the
   * balanced total, 1 for the others. The balanced total counts the moved roles at their shares, and
   * moving a role moves the total (down for cap, up for oversample), which may move more roles: so
   * roles are moved round by round until none is left to move, at most one round per role. The
   * rounds stop short of moving every role, which has no total to be a share of.
   */
  public Map<String, Double> ratios(Map<String, Long> counts) {
    // A side input's map has no order of its own; sums of shares must not depend on one.
    Map<String, Long> trainCounts = new TreeMap<>(counts);
    Map<String, Double> ratios = new TreeMap<>();
    trainCounts.keySet().forEach(role -> ratios.put(role, 1.0));
    if (mode == Mode.NONE) {
      return ratios;
    }
    Map<String, Double> targets = targets(trainCounts);
    double total = trainCounts.values().stream().mapToLong(Long::longValue).sum();
    Set<String> moved = new TreeSet<>();
    while (true) {
      Set<String> next = new TreeSet<>(moved);
      for (Map.Entry<String, Long> role : trainCounts.entrySet()) {
        Double target = targets.get(role.getKey());
        long count = role.getValue();
        if (target != null && count > 0 && (mode == Mode.CAP ? count > target * total : count < target * total)) {
          next.add(role.getKey());
        }
      }
      long unmoved = 0;
      double movedShare = 0;
      for (Map.Entry<String, Long> role : trainCounts.entrySet()) {
        if (next.contains(role.getKey())) {
          movedShare += targets.get(role.getKey());
        } else {
          unmoved += role.getValue();
        }
      }
      if (next.equals(moved) || unmoved == 0 || movedShare >= 1) {
        break;
      }
      moved = next;
      total = unmoved / (1 - movedShare);
    }
    for (String role : moved) {
      ratios.put(role, targets.get(role) * total / trainCounts.get(role));
    }
    return ratios;
  }

  /**
   * How many of a role's {@code count} training samples get one copy more than the whole part of
   * its ratio: the last, partial round of an oversampled role, or all that a capped role keeps.
   */
  public static long partialRound(double ratio, long count) {
    return Math.round((ratio - Math.floor(ratio)) * count);
  }

  /** How many times a training sample is written: 0 (capped away), 1, or more (repeats). */
  public static int copies(double ratio, boolean inPartialRound) {
    return (int) Math.floor(ratio) + (inPartialRound ? 1 : 0);
  }

  /**
   * A sample's place in its role by content hash, the first 60 bits of the hex digest: the
   * partial round is the samples with the lowest places, so which ones is arbitrary but fixed.
   */
  public static long place(String contentSha256) {
    return contentSha256.isEmpty() ? 0 : Long.parseLong(contentSha256.substring(0, Math.min(15, contentSha256.length())), 16);
  }
}
