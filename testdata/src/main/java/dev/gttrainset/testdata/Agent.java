package dev.gttrainset.testdata;

/**
 * One agent of the town: where it works, what Gas Town calls it, and how its costs are recorded,
 * in the formats of its era.
 *
 * @param rig the rig it works in, or null for town-level agents
 * @param name the crew member's, polecat's, dog's or project's name, or null
 */
record Agent(Role role, String rig, String name, Era era) {
  static final String HOME = "/home/ubuntu";
  static final String TOWN = HOME + "/gt";

  /** Its Gas Town address, as events name it. */
  String address() {
    switch (role) {
      case MAYOR:
        return "mayor";
      case DEACON:
        return "deacon";
      case BOOT:
        return "deacon/boot";
      case DOG:
        return "deacon/dogs/" + name;
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

  /** Whom its startup beacon names: the address until February 2026, then {@code BeaconRecipient}'s words. */
  String beaconRecipient() {
    if (!era.current()) {
      return address();
    }
    switch (role) {
      case BOOT:
        return "boot";
      case DOG:
        return "dog " + name;
      case WITNESS:
      case REFINERY:
        return role.id() + " (rig: " + rig + ")";
      case CREW:
      case POLECAT:
        return role.id() + " " + name + " (rig: " + rig + ")";
      default:
        return address();
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
      case DOG:
        return TOWN + "/deacon/dogs/" + name;
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

  /** Who it is: one agent runs one session at a time. */
  String identity() {
    return inGasTown() ? gtSession() : cwd();
  }

  /** Its tmux session, which names it in costs.jsonl, session deaths and telemetry. */
  String gtSession() {
    switch (role) {
      case MAYOR:
        return "hq-mayor";
      case DEACON:
        return "hq-deacon";
      case BOOT:
        return "hq-boot";
      case DOG:
        return "hq-dog-" + name;
      default:
        break;
    }
    String head = era.current() ? Era.PREFIXES.get(rig) : "gt-" + rig;
    switch (role) {
      case WITNESS:
        return head + "-witness";
      case REFINERY:
        return head + "-refinery";
      case CREW:
        return head + "-crew-" + name;
      default:
        return head + "-" + name;
    }
  }

  /**
   * The role costs.jsonl records ({@code parseSessionName}): boot was billed as the deacon until
   * April 2026, dogs are {@code unknown}.
   */
  String costRole() {
    switch (role) {
      case BOOT:
        return era.current() ? "boot" : "deacon";
      case DOG:
        return "unknown";
      default:
        return role.id();
    }
  }

  String costWorker() {
    switch (role) {
      case MAYOR:
        return "mayor";
      case DEACON:
        return "deacon";
      case BOOT:
        return era.current() ? "boot" : "deacon";
      case WITNESS:
      case REFINERY:
      case DOG:
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
