package dev.gttrainset.scrub;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Which rules can match a text, found in one pass over it, ignoring case: every rule's keywords
 * are indexed by their first two characters in a table of ASCII pairs (one-character keywords
 * are looked up on their own), so the text is read once for all rules, with no lower-case copy
 * of it and no lookup for a pair no keyword starts with. A rule without keywords always runs.
 * Keywords are ASCII: the rules' patterns match ASCII letters only, in either case.
 */
final class KeywordIndex {
  private static final int ASCII = 128;

  private final int ruleCount;
  private final BitSet alwaysRun = new BitSet();
  /** By the lower-case pair {@code first * 128 + second}: the keywords starting with it. */
  private final Entry[][] byPair = new Entry[ASCII * ASCII][];
  /** One-character keywords, each with the rules that have it. */
  private final List<Entry> singles = new ArrayList<>();

  private static final class Entry {
    final String keyword;
    final int rule;

    Entry(String keyword, int rule) {
      this.keyword = keyword;
      this.rule = rule;
    }
  }

  KeywordIndex(List<ScrubRule> rules) {
    this.ruleCount = rules.size();
    List<List<Entry>> pairs = new ArrayList<>();
    for (int i = 0; i < ASCII * ASCII; i++) {
      pairs.add(null);
    }
    for (int i = 0; i < rules.size(); i++) {
      List<String> keywords = rules.get(i).keywords();
      if (keywords.isEmpty()) {
        alwaysRun.set(i);
        continue;
      }
      for (String keyword : keywords) {
        if (!keyword.chars().allMatch(c -> c < ASCII)) {
          throw new IllegalArgumentException("rule " + rules.get(i).id() + ": keyword '" + keyword + "' is not ASCII");
        }
        if (keyword.length() == 1) {
          singles.add(new Entry(keyword, i));
        } else {
          int pair = pair(keyword.charAt(0), keyword.charAt(1));
          if (pairs.get(pair) == null) {
            pairs.set(pair, new ArrayList<>());
          }
          pairs.get(pair).add(new Entry(keyword, i));
        }
      }
    }
    for (int i = 0; i < pairs.size(); i++) {
      if (pairs.get(i) != null) {
        byPair[i] = pairs.get(i).toArray(new Entry[0]);
      }
    }
  }

  /** The rules whose keywords occur in the text, in any case, and those that always run. */
  BitSet candidates(String text) {
    BitSet rules = (BitSet) alwaysRun.clone();
    for (Entry single : singles) {
      char c = single.keyword.charAt(0);
      if (text.indexOf(Character.toLowerCase(c)) >= 0 || text.indexOf(Character.toUpperCase(c)) >= 0) {
        rules.set(single.rule);
      }
    }
    int found = rules.cardinality();
    int last = text.length() - 1;
    for (int i = 0; i < last && found < ruleCount; i++) {
      char a = text.charAt(i);
      char b = text.charAt(i + 1);
      if (a >= ASCII || b >= ASCII) {
        continue;
      }
      Entry[] entries = byPair[pair(a, b)];
      if (entries == null) {
        continue;
      }
      for (Entry entry : entries) {
        if (!rules.get(entry.rule) && text.regionMatches(true, i, entry.keyword, 0, entry.keyword.length())) {
          rules.set(entry.rule);
          found++;
        }
      }
    }
    return rules;
  }

  private static int pair(char first, char second) {
    return lower(first) * ASCII + lower(second);
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }
}
