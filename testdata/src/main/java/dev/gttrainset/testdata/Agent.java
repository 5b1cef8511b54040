package dev.gttrainset.testdata;

/**
 * One agent of the town: where it works, what Gas Town calls it, and how its costs are recorded.
 *
 * @param rig the rig it works in, or null for town-level agents
 * @param name the crew member's, polecat's or project's name, or null
 */
record Agent(Role role, String rig, String name) {
  static final String HOME = "/home/ubuntu";
  static final String TOWN = HOME + "/gt";

  /** Its Gas Town address, as events and beacons name it. */
  String address() {
    switch (role) {
      case MAYOR:
        return "mayor";
      case DEACON:
        return "deacon";
      case BOOT:
        return "deacon/boot";
      case WITNESS:
        return rig + "/witness";
      case REFINERY:
        return rig + "/refinery";
      case CREW:
        return rig + "/crew/" + name;
      case POLECAT:
        return rig + "/polecats/" + name;
      default:
        return name;
    }
  }

  String cwd() {
    switch (role) {
      case MAYOR:
        return TOWN + "/mayor";
      case DEACON:
        return TOWN + "/deacon";
      case BOOT:
        return TOWN + "/deacon/dogs/boot";
      case WITNESS:
        return TOWN + "/" + rig + "/witness";
      case REFINERY:
        return TOWN + "/" + rig + "/refinery/rig";
      case CREW:
        return TOWN + "/" + rig + "/crew/" + name;
      case POLECAT:
        return TOWN + "/" + rig + "/polecats/" + name;
      default:
        return HOME + "/projects/" + name;
    }
  }

  /** The folder under ~/.claude/projects: the working directory with every '/' and '.' a '-'. */
  String projectFolder() {
    return cwd().replace('/', '-').replace('.', '-');
  }

  /** Its tmux session, which names it in costs.jsonl. */
  String gtSession() {
    switch (role) {
      case MAYOR:
        return "hq-mayor";
      case DEACON:
        return "hq-deacon";
      case BOOT:
        return "hq-boot";
      case WITNESS:
        return "gt-" + rig + "-witness";
      case REFINERY:
        return "gt-" + rig + "-refinery";
      case CREW:
        return "gt-" + rig + "-crew-" + name;
      default:
        return "gt-" + rig + "-" + name;
    }
  }

  /** The role costs.jsonl records: Boot is a Deacon helper and is billed as one. */
  String costRole() {
    return role == Role.BOOT ? "deacon" : role.id();
  }

  String costWorker() {
    switch (role) {
      case MAYOR:
        return "mayor";
      case DEACON:
      case BOOT:
        return "deacon";
      case WITNESS:
      case REFINERY:
        return "";
      default:
        return name;
    }
  }

  /** The deacon and the witnesses: a patrol, then a handoff to a fresh session. */
  boolean patrols() {
    return role == Role.DEACON || role == Role.WITNESS;
  }

  boolean inGasTown() {
    return role != Role.UNKNOWN;
  }
}
