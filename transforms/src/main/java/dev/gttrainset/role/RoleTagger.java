package dev.gttrainset.role;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Conversation;
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
   * @param conversations the session's conversations, main conversation first
   * @param events town events whose payload names this session
   */
  public static RoleTag tag(
      List<Conversation> conversations, List<GtRecord> events, TownLayout layout) {
    Optional<RoleTag> fromEvent =
        events.stream()
            .sorted(STRONGEST_EVENT_FIRST)
            .map(e -> RoleAddress.parse(e.role()))
            .flatMap(Optional::stream)
            .findFirst()
            .map(match -> tagOf(match, RoleTag.SIGNAL_EVENT));
    if (fromEvent.isPresent() || conversations.isEmpty()) {
      return fromEvent.orElse(RoleTag.unknown());
    }
    Conversation main = conversations.get(0);
    return layout
        .matchPath(main.cwd())
        .map(match -> tagOf(match, RoleTag.SIGNAL_CWD))
        .or(() -> layout.matchProjectDir(main.projectDir()).map(m -> tagOf(m, RoleTag.SIGNAL_PROJECT_DIR)))
        .or(() -> markerOf(main).map(match -> tagOf(match, RoleTag.SIGNAL_MARKER)))
        .orElse(RoleTag.unknown());
  }

  /** Gas Town starts an agent with the marker as its prompt: the first user message only. */
  private static Optional<RoleRules.Match> markerOf(Conversation conversation) {
    return conversation.messages().stream()
        .filter(ChatMessage::isUser)
        .findFirst()
        .flatMap(message -> GasTownMarker.addressIn(message.text()))
        .flatMap(RoleAddress::parse);
  }

  private static RoleTag tagOf(RoleRules.Match match, String signal) {
    return RoleTag.create(match.role(), match.rig(), match.worker(), signal);
  }
}
