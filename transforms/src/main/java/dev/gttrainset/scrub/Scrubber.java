package dev.gttrainset.scrub;

import dev.gttrainset.stats.Counters;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/** Applies a rule table to text, counting replacements by rule id. */
public final class Scrubber implements Serializable {
  private final List<ScrubRule> rules;

  public Scrubber(List<ScrubRule> rules) {
    this.rules = List.copyOf(rules);
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
    if (text.isEmpty()) {
      return text;
    }
    String current = text;
    String lower = current.toLowerCase(Locale.ROOT);
    for (ScrubRule rule : rules) {
      if (!rule.mayMatch(lower)) {
        continue;
      }
      String replaced = apply(rule, current, redactions);
      if (!replaced.equals(current)) {
        current = replaced;
        lower = current.toLowerCase(Locale.ROOT);
      }
    }
    return current;
  }

  private static String apply(ScrubRule rule, String text, Counters redactions) {
    Matcher matcher = rule.pattern().matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (matcher.find()) {
      int group = rule.secretGroup();
      String secret = matcher.group(group);
      if (secret == null || !rule.accepts(secret, matcher.group())) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, matcher.start(group)).append(rule.replacement());
      copied = matcher.end(group);
      redactions.increment(rule.id());
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }
}
