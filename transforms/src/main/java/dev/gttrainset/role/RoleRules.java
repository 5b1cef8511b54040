package dev.gttrainset.role;

import dev.gttrainset.model.GtRole;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a place in a Gas Town names a role: one table for paths below the town root, one for the
 * addresses Gas Town writes in events, beacons and {@code GT_ROLE}. The first matching rule wins,
 * and rules match by position, so a crew member called {@code witness} stays crew.
 */
public final class RoleRules {
  /** Paths relative to the town root (a session's cwd, a decoded project folder). */
  public static final List<Rule> PATHS =
      List.of(
          Rule.of("mayor/**", GtRole.MAYOR),
          Rule.of("deacon/dogs/boot/**", GtRole.BOOT),
          Rule.of("deacon/dogs/{worker}/**", GtRole.DOG),
          Rule.of("deacon/**", GtRole.DEACON),
          Rule.of("{rig}/witness/**", GtRole.WITNESS),
          Rule.of("{rig}/refinery/**", GtRole.REFINERY),
          Rule.of("{rig}/crew/{worker}/**", GtRole.CREW),
          Rule.of("{rig}/polecats/{worker}/**", GtRole.POLECAT));

  /**
   * Addresses: {@code GT_ROLE} values, event actors and roles, beacon recipients. Older Gas Town
   * wrote bare role names; boot appears as {@code boot}, {@code deacon/boot} and {@code
   * deacon-boot}; a dog's {@code GT_ROLE} is plain {@code dog} (its name is in {@code GT_DOG_NAME}).
   */
  public static final List<Rule> ADDRESSES =
      List.of(
          Rule.of("mayor", GtRole.MAYOR),
          Rule.of("deacon", GtRole.DEACON),
          Rule.of("boot", GtRole.BOOT),
          Rule.of("deacon/boot", GtRole.BOOT),
          Rule.of("deacon-boot", GtRole.BOOT),
          Rule.of("deacon/dogs/boot", GtRole.BOOT),
          Rule.of("deacon/dogs/{worker}", GtRole.DOG),
          Rule.of("dog", GtRole.DOG),
          Rule.of("{rig}/witness", GtRole.WITNESS),
          Rule.of("{rig}/refinery", GtRole.REFINERY),
          Rule.of("{rig}/crew/{worker}", GtRole.CREW),
          Rule.of("{rig}/polecats/{worker}", GtRole.POLECAT),
          Rule.of("witness", GtRole.WITNESS),
          Rule.of("refinery", GtRole.REFINERY),
          Rule.of("crew", GtRole.CREW),
          Rule.of("polecat", GtRole.POLECAT));

  private RoleRules() {}

  /** The first rule of the table that matches the segments. */
  public static Optional<Match> first(List<Rule> table, List<String> segments) {
    for (Rule rule : table) {
      Optional<Map<String, String>> captures = rule.pattern().match(segments);
      if (captures.isPresent()) {
        return Optional.of(new Match(rule, captures.get()));
      }
    }
    return Optional.empty();
  }

  /** One row of a table: where, and the role it means. */
  public static final class Rule implements Serializable {
    private final SegmentPattern pattern;
    private final GtRole role;

    private Rule(SegmentPattern pattern, GtRole role) {
      this.pattern = pattern;
      this.role = role;
    }

    static Rule of(String pattern, GtRole role) {
      return new Rule(SegmentPattern.of(pattern), role);
    }

    public SegmentPattern pattern() {
      return pattern;
    }

    public GtRole role() {
      return role;
    }

    /** Whether the rule names a rig, so it can anchor a path whose town root is unknown. */
    public boolean isRigScoped() {
      return pattern.toString().startsWith("{rig}/");
    }
  }

  /** A rule that matched, with what it captured. */
  public static final class Match {
    private final Rule rule;
    private final Map<String, String> captures;

    Match(Rule rule, Map<String, String> captures) {
      this.rule = rule;
      this.captures = captures;
    }

    public Rule rule() {
      return rule;
    }

    public GtRole role() {
      return rule.role();
    }

    public String rig() {
      return captures.getOrDefault("rig", "");
    }

    public String worker() {
      return captures.getOrDefault("worker", "");
    }
  }
}
