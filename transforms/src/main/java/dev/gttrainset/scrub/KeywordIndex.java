package dev.gttrainset.scrub;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which rules can match a text, found in one pass over it: every rule's keywords are indexed by
 * their first two characters (one-character keywords are looked up on their own), so the text is
 * read once for all rules instead of once per keyword. A rule without keywords always runs.
 */
final class KeywordIndex implements Serializable {
  private final int ruleCount;
  private final BitSet alwaysRun = new BitSet();
  private final Map<Integer, List<Entry>> byBigram = new HashMap<>();
  private final Map<Character, BitSet> bySingleChar = new HashMap<>();

  private static final class Entry implements Serializable {
    final String keyword;
    final int rule;

    Entry(String keyword, int rule) {
      this.keyword = keyword;
      this.rule = rule;
    }
  }

  KeywordIndex(List<ScrubRule> rules) {
    this.ruleCount = rules.size();
    for (int i = 0; i < rules.size(); i++) {
      List<String> keywords = rules.get(i).keywords();
      if (keywords.isEmpty()) {
        alwaysRun.set(i);
        continue;
      }
      for (String keyword : keywords) {
        if (keyword.length() == 1) {
          bySingleChar.computeIfAbsent(keyword.charAt(0), c -> new BitSet()).set(i);
        } else {
          byBigram.computeIfAbsent(bigram(keyword, 0), b -> new ArrayList<>()).add(new Entry(keyword, i));
        }
      }
    }
  }

  /** The rules whose keywords occur in the text (given in lower case), and those that always run. */
  BitSet candidates(String lowerCaseText) {
    BitSet rules = (BitSet) alwaysRun.clone();
    bySingleChar.forEach(
        (c, matching) -> {
          if (lowerCaseText.indexOf(c) >= 0) {
            rules.or(matching);
          }
        });
    for (int i = 0; i + 1 < lowerCaseText.length(); i++) {
      List<Entry> entries = byBigram.get(bigram(lowerCaseText, i));
      if (entries == null) {
        continue;
      }
      for (Entry entry : entries) {
        if (!rules.get(entry.rule) && lowerCaseText.startsWith(entry.keyword, i)) {
          rules.set(entry.rule);
        }
      }
      if (rules.cardinality() == ruleCount) {
        break;
      }
    }
    return rules;
  }

  private static int bigram(String text, int at) {
    return (text.charAt(at) << 16) | text.charAt(at + 1);
  }
}
