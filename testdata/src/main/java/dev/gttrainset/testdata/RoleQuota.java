package dev.gttrainset.testdata;

import java.util.EnumMap;
import java.util.Map;

/**
 * Deals out roles in proportion to their session weights, exactly at every size: the next session
 * goes to the role furthest behind its share. A small town has the same mix as a big one.
 */
final class RoleQuota {
  private final Map<Role, Long> dealt = new EnumMap<>(Role.class);
  private final double totalWeight;
  private long sessions;

  RoleQuota() {
    double total = 0;
    for (Role role : Role.values()) {
      total += role.sessionWeight();
    }
    this.totalWeight = total;
  }

  Role next() {
    sessions++;
    Role behind = null;
    double mostBehind = Double.NEGATIVE_INFINITY;
    for (Role role : Role.values()) {
      double deficit = sessions * role.sessionWeight() / totalWeight - dealt.getOrDefault(role, 0L);
      if (deficit > mostBehind) {
        mostBehind = deficit;
        behind = role;
      }
    }
    dealt.merge(behind, 1L, Long::sum);
    return behind;
  }
}
