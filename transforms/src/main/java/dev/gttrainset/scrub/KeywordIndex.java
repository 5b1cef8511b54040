package dev.gttrainset.scrub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * Which rules can match a text, found in one pass over it, ignoring case: an Aho-Corasick
 * automaton over every rule's keywords, one table step per character, however many keywords the
 * table has. A rule without keywords always runs. Keywords are ASCII: the rules' patterns match
 * ASCII letters only, in either case; any other character leads back to the start. Other cues
 * than rules' are indexed as groups of words ({@link #ofGroups}).
 */
final class KeywordIndex {
  private static final int ASCII = 128;

  private final BitSet alwaysRun = new BitSet();
  /** {@code next[state * 128 + c]}: the state after reading lower-case character c. */
  private final int[] next;
  /** The rules whose keyword ends in a state, its suffix states' included; null when none. */
  private final int[][] rulesAt;

  KeywordIndex(List<ScrubRule> rules) {
    this(rules.stream().map(ScrubRule::keywords).collect(Collectors.toList()), r -> "rule " + rules.get(r).id());
  }

  /** An index whose candidates are groups of words: a group is one when any of its words stands in the text. */
  static KeywordIndex ofGroups(List<List<String>> groups) {
    return new KeywordIndex(groups, g -> "group " + g);
  }

  private KeywordIndex(List<List<String>> keywordsOfEach, IntFunction<String> name) {
    List<int[]> children = new ArrayList<>();
    List<List<Integer>> ending = new ArrayList<>();
    children.add(new int[ASCII]);
    ending.add(new ArrayList<>());
    for (int r = 0; r < keywordsOfEach.size(); r++) {
      List<String> keywords = keywordsOfEach.get(r);
      if (keywords.isEmpty()) {
        alwaysRun.set(r);
        continue;
      }
      for (String keyword : keywords) {
        if (!keyword.chars().allMatch(c -> c < ASCII)) {
          throw new IllegalArgumentException(name.apply(r) + ": keyword '" + keyword + "' is not ASCII");
        }
        int state = 0;
        for (int i = 0; i < keyword.length(); i++) {
          int c = lower(keyword.charAt(i));
          if (children.get(state)[c] == 0) {
            children.add(new int[ASCII]);
            ending.add(new ArrayList<>());
            children.get(state)[c] = children.size() - 1;
          }
          state = children.get(state)[c];
        }
        ending.get(state).add(r);
      }
    }
    int states = children.size();
    next = new int[states * ASCII];
    int[] fail = new int[states];
    rulesAt = new int[states][];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 0; c < ASCII; c++) {
      int child = children.get(0)[c];
      next[c] = child;
      if (child != 0) {
        queue.add(child);
      }
    }
    rulesAt[0] = toArray(ending.get(0));
    while (!queue.isEmpty()) {
      int state = queue.poll();
      List<Integer> here = new ArrayList<>(ending.get(state));
      if (rulesAt[fail[state]] != null) {
        for (int rule : rulesAt[fail[state]]) {
          here.add(rule);
        }
      }
      rulesAt[state] = toArray(here);
      for (int c = 0; c < ASCII; c++) {
        int child = children.get(state)[c];
        if (child != 0) {
          fail[child] = next[fail[state] * ASCII + c];
          next[state * ASCII + c] = child;
          queue.add(child);
        } else {
          next[state * ASCII + c] = next[fail[state] * ASCII + c];
        }
      }
    }
  }

  /** The rules whose keywords occur in the text, in any case, and those that always run. */
  BitSet candidates(String text) {
    BitSet rules = (BitSet) alwaysRun.clone();
    int state = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      state = c < ASCII ? next[state * ASCII + lower(c)] : 0;
      int[] found = rulesAt[state];
      if (found != null) {
        for (int rule : found) {
          rules.set(rule);
        }
      }
    }
    return rules;
  }

  private static int[] toArray(List<Integer> rules) {
    if (rules.isEmpty()) {
      return null;
    }
    return rules.stream().distinct().mapToInt(Integer::intValue).toArray();
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
