package dev.gttrainset.scrub;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One scrub rule: what to find, which part of a match is the secret, and what may pass. Patterns
 * bound every quantifier, so no input makes a rule backtrack without end.
 */
public final class ScrubRule implements Serializable {
  private final String id;
  private final Regex pattern;
  private final int secretGroup;
  private final List<String> keywords;
  private final double minEntropy;
  private final Regex secretShape;
  private final Regex nameShape;
  private final ScrubValidator validator;
  private final Set<String> allowed;
  private final String replacement;

  /**
   * Constructs the leak gate's reading of a value behind its name relies on not being there: a
   * positive look-behind, {@code \G} or a multi-line {@code ^} could match differently at a value's
   * start once a name stands before it ({@code LeakScanner}).
   */
  private static final List<String> NOT_ALLOWED = List.of("(?<=", "\\G", "(?m");

  private ScrubRule(Builder b) {
    for (String construct : NOT_ALLOWED) {
      if (b.regex.contains(construct)) {
        throw new IllegalArgumentException("rule " + b.id + ": " + construct + " is not allowed in a pattern");
      }
    }
    this.id = b.id;
    this.pattern = new Regex(b.regex);
    this.secretGroup = b.secretGroup;
    this.keywords = b.keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableList());
    this.minEntropy = b.minEntropy;
    this.secretShape = b.secretShape == null ? null : new Regex(b.secretShape);
    this.nameShape = b.nameShape == null ? null : new Regex(b.nameShape);
    this.validator = b.validator;
    this.allowed = b.allowed.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    this.replacement = b.replacement != null ? b.replacement : "[REDACTED:" + b.id + "]";
  }

  public static Builder builder(String id, String regex) {
    return new Builder(id, regex);
  }

  public String id() {
    return id;
  }

  Pattern pattern() {
    return pattern.compiled();
  }

  int secretGroup() {
    return secretGroup;
  }

  String replacement() {
    return replacement;
  }

  /** Lower-case strings of which a text must hold one for the rule to run; empty: always run. */
  List<String> keywords() {
    return keywords;
  }

  /** Whether a found secret really is one: not allowed, and random enough if a floor is set. */
  boolean accepts(String secret, String wholeMatch) {
    String lower = wholeMatch.toLowerCase(Locale.ROOT);
    for (String allow : allowed) {
      if (lower.contains(allow)) {
        return false;
      }
    }
    if (secretShape != null && !secretShape.compiled().matcher(secret).find()) {
      return false;
    }
    if (nameShape != null && !nameShape.compiled().matcher(wholeMatch).find()) {
      return false;
    }
    if (validator != null && !validator.accepts(secret)) {
      return false;
    }
    return minEntropy <= 0 || Entropy.bitsPerChar(secret) >= minEntropy;
  }

  /**
   * A pattern that travels as its text: runners copy the job's functions often (the DirectRunner
   * for every bundle of every step), and a copy that is never run should not compile 46 patterns.
   */
  private static final class Regex implements Serializable {
    private final String text;
    private transient Pattern compiled;

    /** Compiled at once, so that a bad rule fails when the table is read. */
    Regex(String text) {
      this.text = text;
      this.compiled = Pattern.compile(text);
    }

    Pattern compiled() {
      if (compiled == null) {
        compiled = Pattern.compile(text);
      }
      return compiled;
    }
  }

  /** Builds a rule; only the id and the pattern are required. */
  public static final class Builder {
    private final String id;
    private final String regex;
    private int secretGroup;
    private List<String> keywords = List.of();
    private double minEntropy;
    private String secretShape;
    private String nameShape;
    private ScrubValidator validator;
    private Set<String> allowed = Set.of();
    private String replacement;

    private Builder(String id, String regex) {
      this.id = id;
      this.regex = regex;
    }

    /** The group that holds the secret; 0 (the default) replaces the whole match. */
    public Builder secretGroup(int group) {
      this.secretGroup = group;
      return this;
    }

    /** Lower-case strings of which the text must hold one before the pattern runs. */
    public Builder keywords(String... words) {
      this.keywords = List.of(words);
      return this;
    }

    /** Shannon entropy in bits per character below which a match is left alone. */
    public Builder minEntropy(double bits) {
      this.minEntropy = bits;
      return this;
    }

    /** A pattern the secret itself must contain a match of, e.g. "has a digit". */
    public Builder secretMustMatch(String regex) {
      this.secretShape = regex;
      return this;
    }

    /**
     * A pattern the start of the whole match must contain a match of: the name in {@code
     * NAME=value} must say it holds a secret. Checked after the match, so the pattern itself can be
     * simple and fast.
     */
    public Builder nameMustMatch(String regex) {
      this.nameShape = regex;
      return this;
    }

    /** A check in code that the match must pass, for what a pattern cannot say. */
    Builder validator(ScrubValidator check) {
      this.validator = check;
      return this;
    }

    /** Lower-case substrings that make a match harmless (documentation examples and the like). */
    public Builder allow(String... substrings) {
      this.allowed = Set.of(substrings);
      return this;
    }

    /** The text put in place of the secret; {@code [REDACTED:<id>]} by default. */
    public Builder replacement(String text) {
      this.replacement = text;
      return this;
    }

    public ScrubRule build() {
      return new ScrubRule(this);
    }
  }
}
