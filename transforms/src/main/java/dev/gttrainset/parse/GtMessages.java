package dev.gttrainset.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine-read words in Gas Town's messages that say what became of a polecat's work: the
 * refinery's mail ({@code MERGED toast}, {@code MERGE_FAILED toast} to the witness, {@code
 * FIX_NEEDED toast} and {@code REWORK_REQUEST} to the polecat), its nudge to a polecat whose merge
 * failed ({@code MERGE_FAILED: branch=... type=conflict ...}), and the nudge {@code gt done} sends
 * the witness ({@code POLECAT_DONE toast exit=COMPLETED}).
 */
public final class GtMessages {
  private static final Pattern REFINERY_VERDICT =
      Pattern.compile("^\\s*(MERGED|MERGE_FAILED|FIX_NEEDED|REWORK_REQUEST)\\b:?(?:\\s+([^\\s=]+)(?=\\s|$))?");
  private static final Pattern BRANCH = Pattern.compile("\\bbranch=(\\S+)");
  private static final Pattern POLECAT_DONE = Pattern.compile("\\bPOLECAT_DONE\\s+(\\S+)\\s+exit=([A-Za-z_]+)");

  /** A verdict word and the polecat it is about ("" when the message does not say). */
  public record Verdict(String word, String polecat) {}

  private GtMessages() {}

  /** The refinery's verdict a mail subject or nudge gives, lower-cased: {@code merged}, {@code merge_failed}, ... */
  public static Optional<Verdict> refineryVerdict(String subject) {
    Matcher m = REFINERY_VERDICT.matcher(subject);
    return m.find() ? Optional.of(new Verdict(m.group(1).toLowerCase(Locale.ROOT), m.group(2) == null ? "" : m.group(2))) : Optional.empty();
  }

  /** The branch a nudge names as {@code branch=...}. */
  public static Optional<String> branchIn(String message) {
    Matcher m = BRANCH.matcher(message);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** Every {@code POLECAT_DONE} nudge in a text, in order: a witness may get several at once. */
  public static List<Verdict> polecatDones(String text) {
    List<Verdict> dones = new ArrayList<>();
    Matcher m = POLECAT_DONE.matcher(text);
    while (m.find()) {
      dones.add(new Verdict(m.group(2).toUpperCase(Locale.ROOT), m.group(1)));
    }
    return dones;
  }

  /** The first {@code POLECAT_DONE} nudge of a message: its exit type, upper-cased as {@code gt done} writes it. */
  public static Optional<Verdict> polecatDone(String message) {
    return polecatDones(message).stream().findFirst();
  }
}
