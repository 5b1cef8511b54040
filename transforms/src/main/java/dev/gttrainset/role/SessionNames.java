package dev.gttrainset.role;

import dev.gttrainset.model.GtRecord;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The agent behind a tmux session name, as tmux, {@code costs.jsonl}, {@code session_death} and
 * telemetry's {@code gt.session} write it, in both of Gas Town's grammars. Since 15 February 2026:
 * {@code hq-mayor}, {@code hq-deacon}, {@code hq-boot}, {@code hq-dog-<name>}, and for a rig's
 * agents its beads prefix ({@code <town>/mayor/rigs.json}) then {@code witness}, {@code refinery},
 * {@code crew-<name>} or the polecat's name: {@code gt-witness}, {@code bd-crew-joe}, {@code
 * gt-toast}. Before, the rig's name after {@code gt-}: {@code gt-gastown-witness}, {@code
 * gt-gastown-toast}. Rig names and prefixes may hold dashes, so the town's own decide, longest
 * first, the older grammar before the newer.
 */
public final class SessionNames {
  /** The town's own agents, by their session names in either grammar. */
  private static final Map<String, String> TOWN_AGENTS =
      Map.of("hq-mayor", "mayor", "hq-deacon", "deacon", "hq-boot", "deacon/boot", "gt-boot", "deacon/boot");

  private static final String DOG = "hq-dog-";
  private static final String OLD_PREFIX = "gt-";

  private SessionNames() {}

  public static Optional<RoleRules.Match> agentOf(String name, TownLayout layout) {
    String townAgent = TOWN_AGENTS.get(name);
    if (townAgent != null) {
      return RoleAddress.parse(townAgent);
    }
    if (name.startsWith(DOG) && name.length() > DOG.length()) {
      return RoleAddress.parse("deacon/dogs/" + name.substring(DOG.length()));
    }
    if (name.startsWith(OLD_PREFIX)) {
      Optional<RoleRules.Match> old = inRig(name.substring(OLD_PREFIX.length()), layout.rigs(), rig -> rig);
      if (old.isPresent()) {
        return old;
      }
    }
    Map<String, String> rigByPrefix = layout.rigByPrefix();
    return inRig(name, rigByPrefix.keySet(), rigByPrefix::get);
  }

  /** {@code <head>-<agent>}, the head a rig's name or prefix, the agent a rig role's word. */
  private static Optional<RoleRules.Match> inRig(String name, Collection<String> heads, UnaryOperator<String> rigOf) {
    Optional<String> head =
        heads.stream().filter(h -> !h.isEmpty() && name.startsWith(h + "-")).max(Comparator.comparingInt(String::length));
    if (head.isEmpty()) {
      return Optional.empty();
    }
    String rig = rigOf.apply(head.get());
    String agent = name.substring(head.get().length() + 1);
    if (agent.equals("witness") || agent.equals("refinery")) {
      return RoleAddress.parse(rig + "/" + agent);
    }
    if (agent.startsWith("crew-") && agent.length() > 5) {
      return RoleAddress.parse(rig + "/crew/" + agent.substring(5));
    }
    return agent.isEmpty() ? Optional.empty() : RoleAddress.parse(rig + "/polecats/" + agent);
  }

  /**
   * The beads prefix a cost record shows for its rig: Gas Town writes the session name beside the
   * role, rig and worker it read from it, so {@code gt-witness} of rig gastown, role witness, says
   * gastown's prefix is {@code gt}. Names in the older grammar show none.
   */
  static Optional<String> prefixOf(GtRecord cost) {
    if (!cost.source().equals(GtRecord.COSTS) || cost.rig().isEmpty()) {
      return Optional.empty();
    }
    String suffix;
    switch (cost.role()) {
      case "witness":
      case "refinery":
        suffix = "-" + cost.role();
        break;
      case "crew":
        suffix = "-crew-" + cost.worker();
        break;
      case "polecat":
        suffix = "-" + cost.worker();
        break;
      default:
        return Optional.empty();
    }
    String name = cost.gtSession();
    if (!name.endsWith(suffix) || name.length() == suffix.length() || suffix.endsWith("-")) {
      return Optional.empty();
    }
    String prefix = name.substring(0, name.length() - suffix.length());
    return prefix.equals(OLD_PREFIX + cost.rig()) ? Optional.empty() : Optional.of(prefix);
  }
}
