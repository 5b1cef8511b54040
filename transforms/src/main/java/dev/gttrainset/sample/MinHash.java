package dev.gttrainset.sample;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ToolCall;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * MinHash signatures of what a sample's assistant says and does (its text and its tool calls,
 * scrubbed, every word with a digit read as one word), and the band keys of locality-sensitive hashing: two samples whose word shingles
 * have Jaccard similarity J agree on a signature position with probability J, and share one of
 * {@code SIZE / rows} band keys of {@code rows} positions with probability {@code 1 - (1 -
 * J^rows)^(SIZE / rows)}. The rows follow the threshold ({@link #rowsFor}): at 0.8, 16 bands of 8
 * rows, 0.95 at J = 0.8 and 0.07 at J = 0.5.
 */
public final class MinHash {
  /** Signature length: the similarity estimate's standard error is at most 0.045. */
  public static final int SIZE = 128;


  /** Words per shingle. */
  static final int SHINGLE = 3;

  private static final long[] SEEDS = seeds();

  private MinHash() {}

  /** The text a sample is compared by: its trained assistant messages' text and tool calls, in order. */
  public static String assistantText(Sample sample) {
    StringBuilder text = new StringBuilder();
    for (ChatMessage message : sample.messages()) {
      if (!message.trained()) {
        // Context another sample trains would make its windows look alike.
        continue;
      }
      text.append(message.text()).append('\n');
      for (ToolCall call : message.toolCalls()) {
        text.append(call.name()).append(' ').append(call.arguments()).append('\n');
      }
    }
    return text.toString();
  }

  /** Pairs at the threshold must meet in a band at least this often. */
  static final double MEET_AT_THRESHOLD = 0.9;

  /**
   * The rows of a band for a similarity threshold: the most (the fewest candidates to compare)
   * with which pairs at the threshold still share a band with probability {@value #MEET_AT_THRESHOLD}.
   */
  public static int rowsFor(double threshold) {
    int rows = 1;
    while (rows * 2 <= SIZE / 2 && meet(threshold, rows * 2) >= MEET_AT_THRESHOLD) {
      rows *= 2;
    }
    return rows;
  }

  /** The probability that two signatures of similarity {@code j} share a band of {@code rows}. */
  static double meet(double j, int rows) {
    return 1 - Math.pow(1 - Math.pow(j, rows), SIZE / rows);
  }

  /**
   * The signature of a text's word shingles (a text of fewer words than a shingle is one shingle),
   * or an empty one for a text without a word: it is like no other.
   */
  public static int[] signature(String text) {
    String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+");
    for (int w = 0; w < words.length; w++) {
      words[w] = normalized(words[w]);
    }
    int start = words.length > 0 && words[0].isEmpty() ? 1 : 0;
    int count = words.length - start;
    if (count == 0) {
      return new int[0];
    }
    int[] minimums = new int[SIZE];
    Arrays.fill(minimums, Integer.MAX_VALUE);
    int shingles = Math.max(1, count - SHINGLE + 1);
    for (int s = 0; s < shingles; s++) {
      long shingle = 0xcbf29ce484222325L;
      for (int w = start + s; w < Math.min(words.length, start + s + SHINGLE); w++) {
        shingle = fnv(shingle, words[w]);
      }
      for (int i = 0; i < SIZE; i++) {
        int value = (int) (mix(shingle ^ SEEDS[i]) >>> 33);
        if (value < minimums[i]) {
          minimums[i] = value;
        }
      }
    }
    return minimums;
  }

  /**
   * A word with a digit in it (a count, a time, a hash, an id such as {@code gt-4f2a9} or {@code
   * mr-231}) is one word: patrol reports that differ only in those are the same report, as
   * datatrove's MinHash normalises numbers for.
   */
  static String normalized(String word) {
    for (int i = 0; i < word.length(); i++) {
      if (Character.isDigit(word.charAt(i))) {
        return "0";
      }
    }
    return word;
  }

  /** The share of positions on which two signatures agree: an estimate of Jaccard similarity. */
  public static double similarity(int[] a, int[] b) {
    int same = 0;
    for (int i = 0; i < SIZE; i++) {
      if (a[i] == b[i]) {
        same++;
      }
    }
    return same / (double) SIZE;
  }

  /** The key of one band of {@code rows} positions of a signature; keys of different bands never meet. */
  public static long bandKey(int[] signature, int band, int rows) {
    long key = mix(band + 1L);
    for (int row = band * rows; row < (band + 1) * rows; row++) {
      key = mix(key ^ signature[row]);
    }
    return key;
  }

  private static long fnv(long hash, String word) {
    long h = hash;
    for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    // A word boundary, so that "ab c" and "a bc" differ.
    return (h ^ 0x1f) * 0x100000001b3L;
  }

  /** SplitMix64's finaliser: every bit of the input moves every bit of the output. */
  private static long mix(long z) {
    long x = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }

  private static long[] seeds() {
    long[] seeds = new long[SIZE];
    long state = 0x5eed_0f_6a5_70a1L;
    for (int i = 0; i < SIZE; i++) {
      state += 0x9e3779b97f4a7c15L;
      seeds[i] = mix(state);
    }
    return seeds;
  }
}
