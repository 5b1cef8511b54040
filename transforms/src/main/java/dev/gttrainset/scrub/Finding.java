package dev.gttrainset.scrub;

/**
 * A secret or a piece of personal data found in a {@link DecodedText}: where it lies (decoded
 * positions, end exclusive), the rule that found it, and the reference an agent would write in
 * its place ({@code GITHUB_TOKEN}, {@code DB_PASSWORD}).
 */
public final class Finding {
  final int start;
  final int end;
  final ScrubRule rule;
  /** For assignments, the name the value stood under, as a variable; else the rule's own. */
  final String reference;
  /** Where the evidence starts: the name, header or word that made the rule look here. */
  final int evidence;

  Finding(int start, int end, ScrubRule rule, String reference, int evidence) {
    this.start = start;
    this.end = end;
    this.rule = rule;
    this.reference = reference;
    this.evidence = Math.min(evidence, start);
  }

  Finding(int start, int end, ScrubRule rule, String reference) {
    this(start, end, rule, reference, start);
  }

  public String ruleId() {
    return rule.id();
  }

  /** Where the finding starts in the decoded text. */
  public int start() {
    return start;
  }

  boolean overlaps(Finding other) {
    return start < other.end && other.start < end;
  }

  @Override
  public String toString() {
    return rule.id() + "@" + start + ".." + end;
  }
}
