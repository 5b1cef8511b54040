package dev.gttrainset.role;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Gas Town address: {@code mayor}, {@code deacon/boot}, {@code gastown/crew/joe}, {@code
 * gastown/polecats/toast}, and the newer beacon spelling {@code polecat toast (rig: gastown)}.
 */
public final class RoleAddress {
  private static final Pattern BEACON_RECIPIENT =
      Pattern.compile(
          "^(mayor|deacon|boot|witness|refinery|crew|polecat)(?:\\s+(\\S+))?\\s*\\(rig:\\s*([^)\\s]+)\\s*\\)$");

  private static final Pattern DOG_RECIPIENT = Pattern.compile("^dog\\s+(\\S+)$");

  private RoleAddress() {}

  public static Optional<RoleRules.Match> parse(String address) {
    String text = address.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Matcher recipient = BEACON_RECIPIENT.matcher(text.toLowerCase(Locale.ROOT));
    Matcher dog = DOG_RECIPIENT.matcher(text.toLowerCase(Locale.ROOT));
    if (recipient.matches()) {
      text = canonical(recipient.group(1), recipient.group(2), text, recipient.group(3));
    } else if (dog.matches()) {
      text = "deacon/dogs/" + text.split("\\s+")[1];
    }
    return RoleRules.first(RoleRules.ADDRESSES, List.of(text.split("/", -1)));
  }

  /** {@code polecat toast (rig: gastown)} becomes {@code gastown/polecats/toast}. */
  private static String canonical(String role, String name, String original, String rig) {
    // Names keep the case they were written in; the role words are matched lower-cased.
    String worker = name == null ? "" : original.split("\\s+")[1];
    switch (role) {
      case "polecat":
        return rig + "/polecats/" + worker;
      case "crew":
        return rig + "/crew/" + worker;
      case "witness":
      case "refinery":
        return rig + "/" + role;
      default:
        return role;
    }
  }
}
