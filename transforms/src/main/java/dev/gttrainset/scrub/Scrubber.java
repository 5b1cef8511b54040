package dev.gttrainset.scrub;

import dev.gttrainset.stats.Counters;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/** Applies a rule table to text, counting replacements by rule id. */
public final class Scrubber implements Serializable {
  private final List<ScrubRule> rules;
  /** Built where the scrubber runs: copies that never run (runners make many) need no index. */
  private transient KeywordIndex keywords;

  public Scrubber(List<ScrubRule> rules) {
    this.rules = List.copyOf(rules);
    this.keywords = new KeywordIndex(this.rules);
  }

  public static Scrubber withDefaultRules() {
    return new Scrubber(ScrubRules.DEFAULT);
  }

  /**
   * These rules, plus one for the home folder names the sessions ran under (in the encoded form of
   * project folders, which the generic rule cannot delimit), applied first.
   */
  public Scrubber withHomeUsers(Collection<String> names) {
    if (names.isEmpty()) {
      return this;
    }
    List<ScrubRule> all = new ArrayList<>();
    all.add(ScrubRules.homeUsers(names));
    all.addAll(rules);
    return new Scrubber(all);
  }

  /** The text with every secret replaced; {@code redactions} gains one count per replacement. */
  public String scrub(String text, Counters redactions) {
    return text.isEmpty() ? text : scrub(text, candidates(text), redactions);
  }

  /** The rules whose keywords occur in the text: the only ones that can match it. */
  BitSet candidates(String text) {
    if (keywords == null) {
      keywords = new KeywordIndex(rules);
    }
    return keywords.candidates(text);
  }

  /** The longest keyword: an occurrence that starts before a point ends this far after it. */
  int longestKeyword() {
    return rules.stream().flatMap(r -> r.keywords().stream()).mapToInt(String::length).max().orElse(0);
  }

  /** As {@link #scrub(String, Counters)}, with the candidate rules already known. */
  String scrub(String text, BitSet candidates, Counters redactions) {
    String current = text;
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      // A replacement never adds a keyword a later rule needs, so one look at the text serves all.
      current = apply(rules.get(i), current, redactions);
    }
    return current;
  }

  /**
   * Adds the ids of the candidate rules that would replace a match starting before {@code limit}
   * in the text, and changes nothing. The scrubber tries every start in turn and replaces the
   * match found there if the rule accepts it, so this tries the starts before the limit alone.
   */
  void addRulesFiringBefore(String text, int limit, BitSet candidates, Set<String> fired) {
    for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
      ScrubRule rule = rules.get(i);
      if (fired.contains(rule.id())) {
        continue;
      }
      // Look-behinds see the text before a start, as they do when the scrubber searches.
      Matcher matcher = rule.pattern().matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
      for (int start = 0; start < Math.min(limit, text.length()); start++) {
        matcher.region(start, text.length());
        if (matcher.lookingAt()) {
          String secret = matcher.group(rule.secretGroup());
          if (secret != null && rule.accepts(secret, matcher.group())) {
            fired.add(rule.id());
            break;
          }
        }
      }
    }
  }

  private static String apply(ScrubRule rule, String text, Counters redactions) {
    Matcher matcher = rule.pattern().matcher(text);
    StringBuilder out = null;
    int copied = 0;
    int from = 0;
    while (from <= text.length() && matcher.find(from)) {
      int group = rule.secretGroup();
      String secret = matcher.group(group);
      if (secret == null || !rule.accepts(secret, matcher.group())) {
        // A match that is not a secret must not hide one that starts inside it.
        from = matcher.start() + 1;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, matcher.start(group)).append(rule.replacement());
      copied = matcher.end(group);
      from = Math.max(matcher.end(), matcher.start() + 1);
      redactions.increment(rule.id());
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }
}
