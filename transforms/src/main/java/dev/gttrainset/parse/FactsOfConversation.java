package dev.gttrainset.parse;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.GtRecord;
import java.util.ArrayList;
import java.util.List;

/** Reads a conversation's {@link ConversationFacts} from its messages: the marker, interruptions, errors, nudges. */
public final class FactsOfConversation {
  private FactsOfConversation() {}

  public static ConversationFacts of(Conversation conversation) {
    String marker =
        conversation.messages().stream()
            .filter(ChatMessage::isUser)
            .findFirst()
            .flatMap(message -> GasTownMarker.addressIn(message.text()))
            .orElse("");
    long interruptions = conversation.messages().stream().filter(m -> m.isUser() && m.interrupted()).count();
    long apiErrors = conversation.messages().stream().filter(m -> m.isAssistant() && m.apiError()).count();
    List<GtRecord> nudges = new ArrayList<>();
    for (ChatMessage message : conversation.messages()) {
      if (message.isUser()) {
        for (GtMessages.Verdict done : GtMessages.polecatDones(message.text())) {
          nudges.add(
              GtRecord.builder(GtRecord.TRANSCRIPT, "polecat_done")
                  .setTimestampMillis(message.timestampMillis())
                  .setWorker(done.polecat())
                  .setReason(done.word())
                  .build());
        }
      }
    }
    return ConversationFacts.create(
        conversation.sessionId(),
        conversation.orderKey(),
        conversation.isMain(),
        conversation.cwd(),
        conversation.projectDir(),
        marker,
        conversation.firstTimestampMillis(),
        conversation.lastTimestampMillis(),
        interruptions,
        apiErrors,
        conversation.outputTokens(),
        nudges);
  }
}
