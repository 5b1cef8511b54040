package dev.gttrainset.outcome;

import dev.gttrainset.role.RoleAddress;
import dev.gttrainset.role.RoleRules;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The agent behind a Gas Town session name, as tmux, {@code costs.jsonl} and telemetry's {@code
 * gt.session} write it: {@code hq-mayor}, {@code hq-deacon}, {@code hq-boot}, {@code
 * gt-<rig>-witness}, {@code gt-<rig>-refinery}, {@code gt-<rig>-crew-<name>}, {@code
 * gt-<rig>-<polecat>}. A rig's name may hold dashes, so the rigs the town has decide.
 */
final class GtSessionName {
  private GtSessionName() {}

  static Optional<RoleRules.Match> agentOf(String name, Collection<String> rigs) {
    switch (name) {
      case "hq-mayor":
        return RoleAddress.parse("mayor");
      case "hq-deacon":
        return RoleAddress.parse("deacon");
      case "hq-boot":
      case "gt-boot":
        return RoleAddress.parse("deacon/boot");
      default:
        break;
    }
    if (!name.startsWith("gt-")) {
      return Optional.empty();
    }
    String rest = name.substring(3);
    Optional<String> rig =
        rigs.stream()
            .filter(r -> !r.isEmpty() && rest.startsWith(r + "-"))
            .max(Comparator.comparingInt(String::length));
    if (rig.isEmpty()) {
      return Optional.empty();
    }
    String agent = rest.substring(rig.get().length() + 1);
    if (agent.equals("witness") || agent.equals("refinery")) {
      return RoleAddress.parse(rig.get() + "/" + agent);
    }
    if (agent.startsWith("crew-")) {
      return RoleAddress.parse(rig.get() + "/crew/" + agent.substring(5));
    }
    return agent.isEmpty() ? Optional.empty() : RoleAddress.parse(rig.get() + "/polecats/" + agent);
  }
}
