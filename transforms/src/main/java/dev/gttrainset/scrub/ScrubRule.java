package dev.gttrainset.scrub;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One scrub rule: what to find, which part of a match is the secret, what may pass, and what
 * stands in its place, in text the model reads ({@code [REDACTED:github-pat]}) and in text it
 * writes ({@code $GITHUB_TOKEN}). Patterns bound every quantifier, so no input makes a rule
 * backtrack without end.
 */
public final class ScrubRule implements Serializable {
  /** What a rule finds: a secret, or personal data (an address, a login, a name). */
  public enum Kind {
    SECRET,
    PERSONAL
  }

  private final String id;
  private final Regex pattern;
  private final int secretGroup;
  private final List<String> keywords;
  private final double minEntropy;
  private final Regex secretShape;
  private final Regex nameShape;
  private final ScrubValidator validator;
  private final Set<String> allowed;
  private final String readPlaceholder;
  private final String writtenPlaceholder;
  private final String reference;
  private final Kind kind;
  private final boolean assignments;
  /** A provider's token beside its name: the name must be a word of its own, the token not one. */
  private final boolean near;
  /** A credential read from its context (a URL, a header): placeholders of every kind stand in for it. */
  private final boolean contextual;
  /** The match starts a word: no letter, digit or {@code _} (nor {@code .} for tokens) just before it. */
  private final String notAfterChars;
  /** What may not stand just before the match, e.g. a URL's {@code scheme://user:} before an address. */
  private final Regex notAfter;

  /**
   * A rule of the default table travels as its place in it. Runners serialize a step's function
   * for every bundle (the DirectRunner twice, to read its side inputs and schemas); hundreds of
   * rules made that the largest part of setting up a bundle of a step that scrubs. Copies then
   * share the table's rules and the patterns they compiled.
   */
  private Object writeReplace() {
    int place = ScrubRules.placeInDefault(this);
    return place < 0 ? this : new DefaultRule(place);
  }

  private static final class DefaultRule implements Serializable {
    private final int place;

    DefaultRule(int place) {
      this.place = place;
    }

    private Object readResolve() {
      return ScrubRules.DEFAULT.get(place);
    }
  }

  private ScrubRule(Builder b) {
    this.id = b.id;
    this.pattern = b.regex == null ? null : new Regex(b.regex);
    this.secretGroup = b.secretGroup;
    this.keywords = b.keywords.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableList());
    this.minEntropy = b.minEntropy;
    this.secretShape = b.secretShape == null ? null : new Regex(b.secretShape);
    this.nameShape = b.nameShape == null ? null : new Regex(b.nameShape);
    this.validator = b.validator;
    this.allowed = b.allowed.stream().map(a -> a.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    this.kind = b.kind;
    this.reference = b.reference != null ? b.reference : b.id.toUpperCase(Locale.ROOT).replace('-', '_');
    this.readPlaceholder = b.readPlaceholder != null ? b.readPlaceholder : "[REDACTED:" + b.id + "]";
    this.writtenPlaceholder = b.writtenPlaceholder;
    this.assignments = b.assignments;
    this.near = b.near;
    this.contextual = b.contextual;
    this.notAfterChars = b.notAfterChars;
    this.notAfter = b.notAfter == null ? null : new Regex("(?:" + b.notAfter + ")$");
  }

  public static Builder builder(String id, String regex) {
    return new Builder(id, regex);
  }

  /** The rule that stands for the assignment detector ({@link Assignments}) in the table. */
  static ScrubRule assignments(String id, String... keywords) {
    Builder builder = new Builder(id, null).keywords(keywords);
    builder.assignments = true;
    return builder.build();
  }

  public String id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  boolean isAssignments() {
    return assignments;
  }

  boolean isNear() {
    return near;
  }

  /**
   * Whether the match may start here: checked after the pattern found it, so that patterns need no
   * look-behind at their start, which the regex engine would try at every position of every text.
   */
  boolean mayStartAt(String text, int start) {
    if (start > 0 && notAfterChars != null) {
      char before = text.charAt(start - 1);
      if (Character.isLetterOrDigit(before) || notAfterChars.indexOf(before) >= 0) {
        return false;
      }
    }
    return notAfter == null || !notAfter.compiled().matcher(text).region(Math.max(0, start - 120), start).find();
  }

  Pattern pattern() {
    return pattern.compiled();
  }

  int secretGroup() {
    return secretGroup;
  }

  /** The variable an agent would use for this secret: {@code GITHUB_TOKEN}. */
  String reference() {
    return reference;
  }

  /** What replaces a finding in text the model reads (tool results, user messages). */
  String readPlaceholder() {
    return readPlaceholder;
  }

  /**
   * What replaces a finding in text the model writes (its answers and tool calls): a reference a
   * careful agent would write ({@code $DB_PASSWORD}), or for personal data a harmless stand-in.
   */
  String writtenPlaceholder(String referenceName) {
    if (writtenPlaceholder != null) {
      return writtenPlaceholder;
    }
    return "$" + referenceName;
  }

  /** Lower-case strings of which a text must hold one for the rule to run; empty: always run. */
  List<String> keywords() {
    return keywords;
  }

  /** Whether a found secret really is one: not allowed, not a stand-in, and random enough. */
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
    if (Benign.isOwnPlaceholder(secret)) {
      return false;
    }
    if (kind == Kind.SECRET && (contextual ? Benign.value(secret) : Benign.token(secret))) {
      return false;
    }
    if (near && !HEX.matcher(secret).matches() && secret.chars().noneMatch(Character::isDigit) && ValueShape.wordy(secret)) {
      // sumOfExposures beside "sumo" is a variable, not a key: words, and no digit among them.
      return false;
    }
    return minEntropy <= 0 || Entropy.bitsPerChar(secret) >= minEntropy;
  }

  @Override
  public String toString() {
    return id;
  }

  /** Hex digits and separators: words made of a to f (cafebabe) say nothing about a hex token. */
  private static final Pattern HEX = Pattern.compile("[0-9a-fA-F:\\-]+");

  /**
   * A pattern that travels as its text: runners copy the job's functions often (the DirectRunner
   * for every bundle of every step), and a copy that is never run should not compile its patterns.
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
    private String readPlaceholder;
    private String writtenPlaceholder;
    private String reference;
    private Kind kind = Kind.SECRET;
    private boolean assignments;
    private boolean near;
    private boolean contextual;
    private String notAfterChars;
    private String notAfter;

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

    /** A pattern the whole match must contain a match of, checked after the match. */
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

    /** The text put in place of the secret where the model reads it; {@code [REDACTED:<id>]} by default. */
    public Builder replacement(String text) {
      this.readPlaceholder = text;
      return this;
    }

    /** The text put in place of the secret where the model writes it; {@code $<REFERENCE>} by default. */
    public Builder written(String text) {
      this.writtenPlaceholder = text;
      return this;
    }

    /** The variable a careful agent keeps this secret in, e.g. {@code GITHUB_TOKEN}. */
    public Builder reference(String name) {
      this.reference = name;
      return this;
    }

    public Builder kind(Kind kind) {
      this.kind = kind;
      return this;
    }

    /** A token found beside its provider's name (group 1 the name, group 2 the token). */
    Builder near() {
      this.near = true;
      return this;
    }

    /** A credential read from its context, so any placeholder or reference stands in for it. */
    Builder contextual() {
      this.contextual = true;
      return this;
    }

    /** The match starts a word: no letter or digit, nor any of {@code chars}, just before it. */
    public Builder startsWord(String chars) {
      this.notAfterChars = chars;
      return this;
    }

    /** A pattern that may not match the text just before the match (up to 120 characters). */
    public Builder notAfter(String regex) {
      this.notAfter = regex;
      return this;
    }

    public ScrubRule build() {
      return new ScrubRule(this);
    }
  }
}
