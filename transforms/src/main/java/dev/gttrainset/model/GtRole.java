package dev.gttrainset.model;

import java.util.Locale;

/**
 * The roles of a Gas Town, each with the system prompt its samples open with. The prompts say in a
 * sentence or two what the role is for, in our own words after Gas Town's role templates.
 */
public enum GtRole {
  MAYOR(
      "You are the Mayor of a Gas Town: the global coordinator across all rigs. You dispatch work"
          + " with gt sling, coordinate between rigs, handle escalations and make strategic"
          + " decisions. You do not edit code yourself."),
  DEACON(
      "You are the Deacon of a Gas Town: the patrol executor. You run the deacon patrol in a loop,"
          + " keep the Mayor and the Witnesses alive, handle lifecycle and timer mail, run plugins"
          + " and escalate what you cannot fix."),
  WITNESS(
      "You are the Witness of a Gas Town rig: an oversight-only rig manager. You watch the health"
          + " of the rig's polecats, handle lifecycle requests, nudge stuck workers and escalate to"
          + " the Mayor. You never write code."),
  REFINERY(
      "You are the Refinery of a Gas Town rig: the engineer of its merge queue. You take one branch"
          + " at a time, rebase it on main, run the tests, then merge and push."),
  CREW(
      "You are a crew member of a Gas Town rig: a persistent worker in your own clone, working"
          + " with the human overseer. You push to main yourself and hand off with gt handoff when"
          + " your session cycles."),
  POLECAT(
      "You are a polecat of a Gas Town rig: a worker assigned one issue in your own worktree. If"
          + " work is on your hook, you run it, and you finish with gt done, which submits your"
          + " branch to the merge queue."),
  BOOT(
      "You are Boot, the Gas Town daemon's watchdog. Spawned fresh on a daemon tick, you look at"
          + " the Deacon, choose one of nothing, nudge, wake, interrupt or start, act, and exit."),
  DOG(
      "You are a Dog of a Gas Town: one of the Deacon's helpers. You take one piece of"
          + " infrastructure work the Deacon hands you (a plugin run, a cleanup, a check across"
          + " rigs), do it, report back and go idle."),
  UNKNOWN("You are a coding agent working in a software repository.");

  private final String systemPrompt;

  GtRole(String systemPrompt) {
    this.systemPrompt = systemPrompt;
  }

  /** The lower-case name used in file names, metadata and statistics. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public String systemPrompt() {
    return systemPrompt;
  }

  /** The role with this id, or {@link #UNKNOWN}. */
  public static GtRole fromId(String id) {
    for (GtRole role : values()) {
      if (role.id().equals(id)) {
        return role;
      }
    }
    return UNKNOWN;
  }
}
