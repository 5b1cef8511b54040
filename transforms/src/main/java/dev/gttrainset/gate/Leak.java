package dev.gttrainset.gate;

import java.util.Objects;

/**
 * What the leak gate found in an output: the rule (a scrub rule, or {@link SecretTokens#RULE}) and
 * where, as a JSON path and line ({@code /messages/3/content line 2}). Never the text itself.
 */
public final class Leak {
  public final String rule;
  public final String location;

  public Leak(String rule, String location) {
    this.rule = rule;
    this.location = location;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Leak && ((Leak) o).rule.equals(rule) && ((Leak) o).location.equals(location);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rule, location);
  }

  @Override
  public String toString() {
    return rule + " at " + location;
  }
}
