package dev.gttrainset.role;

import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.RoleTag;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides a session's role from its evidence, strongest first: a town event that names the
 * session, the session's working directory, its project folder, and the Gas Town marker at the
 * start of its conversation. The winning signal is kept with the role.
 */
public final class RoleTagger {
  private static final Comparator<GtRecord> STRONGEST_EVENT_FIRST =
      Comparator.comparing((GtRecord e) -> !e.type().equals("session_start"))
          .thenComparingLong(GtRecord::timestampMillis)
          .thenComparing(GtRecord::role);

  private RoleTagger() {}

  /**
   * @param first the facts of the session's first conversation (its main one, when it has one)
   * @param events town events whose payload names this session
   */
  public static RoleTag tag(ConversationFacts first, List<GtRecord> events, TownLayout layout) {
    Optional<RoleTag> fromEvent =
        events.stream()
            .sorted(STRONGEST_EVENT_FIRST)
            .map(e -> RoleAddress.parse(e.role()))
            .flatMap(Optional::stream)
            .findFirst()
            .map(match -> tagOf(match, RoleTag.SIGNAL_EVENT));
    if (fromEvent.isPresent()) {
      return fromEvent.get();
    }
    return layout
        .matchPath(first.cwd())
        .map(match -> tagOf(match, RoleTag.SIGNAL_CWD))
        .or(() -> layout.matchProjectDir(first.projectDir()).map(m -> tagOf(m, RoleTag.SIGNAL_PROJECT_DIR)))
        .or(() -> RoleAddress.parse(first.markerAddress()).map(match -> tagOf(match, RoleTag.SIGNAL_MARKER)))
        .orElse(RoleTag.unknown());
  }

  private static RoleTag tagOf(RoleRules.Match match, String signal) {
    return RoleTag.create(match.role(), match.rig(), match.worker(), signal);
  }
}
