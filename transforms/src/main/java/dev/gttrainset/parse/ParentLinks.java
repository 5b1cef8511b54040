package dev.gttrainset.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code uuid -> parentUuid} links of a transcript. The job reads conversations in file order
 * and never follows these links, so a corrupt chain cannot loop it; cycles are counted, so a
 * corrupted transcript is visible in the statistics.
 */
final class ParentLinks {
  private static final int ON_PATH = 1;
  private static final int DONE = 2;

  private final Map<String, String> parents = new HashMap<>();

  void add(String uuid, String parentUuid) {
    if (!uuid.isEmpty() && !parentUuid.isEmpty()) {
      parents.putIfAbsent(uuid, parentUuid);
    }
  }

  /** How many distinct cycles the links hold; each link is walked once. */
  long cycles() {
    Map<String, Integer> state = new HashMap<>();
    long cycles = 0;
    for (String start : parents.keySet()) {
      List<String> path = new ArrayList<>();
      String node = start;
      while (node != null && !state.containsKey(node)) {
        state.put(node, ON_PATH);
        path.add(node);
        node = parents.get(node);
      }
      if (node != null && state.get(node) == ON_PATH) {
        cycles++;
      }
      path.forEach(visited -> state.put(visited, DONE));
    }
    return cycles;
  }
}
