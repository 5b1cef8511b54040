package dev.gttrainset.gate;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Texts a {@link LeakCheck} found nothing in, so that the same text in the next record is not
 * read again: every sample's tool schemas, a role's system prompt, the messages that overlapping
 * windows of one conversation share. A text is the same only if it is equal, character for
 * character, so what the gate finds never depends on this memo, only how long it takes. Bounded by
 * {@link #CAPACITY} characters and emptied when full.
 */
final class CleanTexts {
  /** Some 32 MB: texts are held, not copied. */
  static final long CAPACITY = 16L << 20;

  private final Set<String> texts = ConcurrentHashMap.newKeySet();
  private final AtomicLong characters = new AtomicLong();

  boolean contains(String text) {
    return texts.contains(text);
  }

  void add(String text) {
    if (characters.addAndGet(text.length()) > CAPACITY) {
      texts.clear();
      characters.set(text.length());
    }
    texts.add(text);
  }
}
