package dev.gttrainset.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Disjoint sets of keys: {@link #union} joins two keys' sets, {@link #sets} lists them. */
final class UnionFind<K> {
  private final Map<K, K> parent = new LinkedHashMap<>();

  /** Puts {@code a} and {@code b} in one set, adding either if it is new. */
  void union(K a, K b) {
    K rootA = root(a);
    K rootB = root(b);
    if (!rootA.equals(rootB)) {
      parent.put(rootB, rootA);
    }
  }

  /** The key that stands for a key's set; a new key stands for itself. */
  K root(K key) {
    parent.putIfAbsent(key, key);
    K node = key;
    for (K up = parent.get(node); !up.equals(node); up = parent.get(node)) {
      parent.put(node, parent.get(up)); // halve the path on the way
      node = up;
    }
    return node;
  }

  /** Every set of the keys seen, each a list in the order its keys were first seen. */
  List<List<K>> sets() {
    Map<K, List<K>> byRoot = new HashMap<>();
    List<List<K>> sets = new ArrayList<>();
    for (K key : new ArrayList<>(parent.keySet())) {
      byRoot.computeIfAbsent(root(key), r -> {
        List<K> set = new ArrayList<>();
        sets.add(set);
        return set;
      }).add(key);
    }
    return sets;
  }
}
