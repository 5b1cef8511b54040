package dev.gttrainset.parse;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the address in the markers Gas Town puts at the start of an agent's conversation: the
 * startup beacon {@code [GAS TOWN] gastown/crew/joe <- mayor • 2026-01-01T10:00 • assigned}, and
 * the line {@code gt prime} prints, {@code [GAS TOWN] role:deacon pid:123 session:...}.
 */
public final class GasTownMarker {
  /** Markers sit at the very start; a long message is not searched beyond this. */
  private static final int SEARCH_LIMIT = 2_000;

  // At the start of a line: a message that merely quotes a marker is not one.
  private static final Pattern BEACON =
      Pattern.compile("(?m)^[ \\t]*\\[GAS TOWN\\][ \\t]+([^\\n]{1,120}?)[ \\t]+<-[ \\t]");
  private static final Pattern PRIME = Pattern.compile("(?m)^[ \\t]*\\[?GAS TOWN\\]?[ \\t]+role:(\\S{1,120})");

  private GasTownMarker() {}

  public static Optional<String> addressIn(String text) {
    String head = text.length() > SEARCH_LIMIT ? text.substring(0, SEARCH_LIMIT) : text;
    Matcher beacon = BEACON.matcher(head);
    if (beacon.find()) {
      return Optional.of(beacon.group(1));
    }
    Matcher prime = PRIME.matcher(head);
    return prime.find() ? Optional.of(prime.group(1)) : Optional.empty();
  }
}
