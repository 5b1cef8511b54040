package dev.gttrainset.testdata;

import java.time.Instant;
import java.util.Map;

/**
 * The Gas Town a town was recorded in; its files changed during 2026 ({@code
 * research/gastown-formats.md} has the facts and the dates).
 */
enum Era {
  /**
   * Early 2026: rig agents' tmux sessions named {@code gt-<rig>-<agent>}, boot billed as the
   * deacon, the refinery's verdicts as {@code merged} and {@code merge_failed} events, beads in the
   * rigs' {@code .beads/issues.jsonl}, telemetry logs naming the Claude session.
   */
  FEBRUARY_2026("2026-02", Instant.parse("2026-01-12T00:00:00Z")),
  /**
   * Since spring 2026 (the town starts the day after boot was first billed as boot): tmux sessions named by the rig's beads prefix ({@code mayor/rigs.json}),
   * boot billed as boot and dogs as unknown, beacons naming {@code dog alpha} and {@code polecat
   * toast (rig: gastown)}; verdicts in merge-request beads, the refinery's mail and {@code
   * POLECAT_DONE} nudges, read from {@code bd export} files while {@code issues.jsonl} stays
   * empty; telemetry keyed by tmux name and {@code run.id}, the Claude session only in {@code
   * agent.event}'s {@code native_session_id}.
   */
  MAY_2026("2026-05", Instant.parse("2026-04-13T00:00:00Z"));

  /** Each rig's beads prefix, as {@code gt rig add} registers it. */
  static final Map<String, String> PREFIXES = Map.of("gastown", "gt", "beads", "bd", "wyvern", "wy");

  final String id;
  /** The town's first session. */
  final Instant start;

  Era(String id, Instant start) {
    this.id = id;
    this.start = start;
  }

  boolean current() {
    return this == MAY_2026;
  }

  static Era of(String id) {
    for (Era era : values()) {
      if (era.id.equals(id)) {
        return era;
      }
    }
    throw new IllegalArgumentException("--era: one of 2026-02, 2026-05, not " + id);
  }
}
