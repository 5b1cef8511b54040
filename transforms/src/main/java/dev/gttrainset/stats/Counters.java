package dev.gttrainset.stats;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** Counts gathered while one element is processed, emitted afterwards as statistics. */
public final class Counters {
  private final Map<String, Long> counts = new TreeMap<>();

  public void add(String key, long amount) {
    counts.merge(key, amount, Long::sum);
  }

  public void increment(String key) {
    add(key, 1L);
  }

  public long get(String key) {
    return counts.getOrDefault(key, 0L);
  }

  public void forEach(BiConsumer<String, Long> action) {
    counts.forEach(action);
  }

  public Map<String, Long> asMap() {
    return java.util.Collections.unmodifiableMap(counts);
  }
}
