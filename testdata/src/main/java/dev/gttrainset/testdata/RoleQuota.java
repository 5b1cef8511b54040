package dev.gttrainset.testdata;

import java.util.EnumMap;
import java.util.Map;

/**
 * Deals out roles in proportion to their session weights, exactly at every size: the next session
 * goes to the role furthest behind its share. A small town has the same mix as a big one.
 */
final class RoleQuota {
  private final Map<Role, Long> dealt = new EnumMap<>(Role.class);
  /** Each role's share of the sessions; they add up to 1. */
  private final Map<Role, Double> weights = new EnumMap<>(Role.class);
  private long sessions;

  /** A real town's mix. */
  RoleQuota() {
    this(Map.of());
  }

  /**
   * @param sessionShares roles whose share of sessions is given (polecat=0.25: a town that runs
   *     many polecats); the other roles share the rest in a real town's proportions
   */
  RoleQuota(Map<Role, Double> sessionShares) {
    double given = sessionShares.values().stream().mapToDouble(Double::doubleValue).sum();
    double rest = 0;
    for (Role role : Role.values()) {
      rest += sessionShares.containsKey(role) ? 0 : role.sessionWeight();
    }
    for (Role role : Role.values()) {
      weights.put(role, sessionShares.containsKey(role) ? sessionShares.get(role) : role.sessionWeight() / rest * (1 - given));
    }
  }

  /** {@code polecat=0.25,dog=0.05}. */
  static Map<Role, Double> parseShares(String shares) {
    Map<Role, Double> parsed = new EnumMap<>(Role.class);
    for (String pair : shares.split(",")) {
      if (!pair.isBlank()) {
        String[] parts = pair.split("=", 2);
        parsed.put(Role.valueOf(parts[0].strip().toUpperCase(java.util.Locale.ROOT)), Double.parseDouble(parts[1]));
      }
    }
    if (parsed.values().stream().mapToDouble(Double::doubleValue).sum() >= 1) {
      throw new IllegalArgumentException("--sessionShares must leave a share for the other roles: " + shares);
    }
    return parsed;
  }

  Role next() {
    sessions++;
    Role behind = null;
    double mostBehind = Double.NEGATIVE_INFINITY;
    for (Role role : Role.values()) {
      double deficit = sessions * weights.get(role) - dealt.getOrDefault(role, 0L);
      if (deficit > mostBehind) {
        mostBehind = deficit;
        behind = role;
      }
    }
    dealt.merge(behind, 1L, Long::sum);
    return behind;
  }
}
