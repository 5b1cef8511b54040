package dev.gttrainset.testdata;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Nudges on their way to a rig's witness: {@code gt done} types {@code POLECAT_DONE toast
 * exit=COMPLETED} into the witness's session, and the witness's next turn opens with it. A nudge to
 * a rig whose witness does not run again is lost, as in a real town.
 */
final class Nudges {
  private record Nudge(Instant at, String text) {}

  private final Map<String, List<Nudge>> byRig = new TreeMap<>();

  void send(String rig, Instant at, String text) {
    byRig.computeIfAbsent(rig, r -> new ArrayList<>()).add(new Nudge(at, text));
  }

  /** The nudges sent to the rig's witness by a moment, oldest first, taken off the queue. */
  List<String> take(String rig, Instant by) {
    List<String> taken = new ArrayList<>();
    for (Iterator<Nudge> it = byRig.getOrDefault(rig, new ArrayList<>()).iterator(); it.hasNext(); ) {
      Nudge nudge = it.next();
      if (!nudge.at().isAfter(by)) {
        taken.add(nudge.text());
        it.remove();
      }
    }
    return taken;
  }
}
