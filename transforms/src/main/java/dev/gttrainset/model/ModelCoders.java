package dev.gttrainset.model;

import java.util.List;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviderRegistrar;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;

/**
 * The coder of every type the job sends between stages, in one table. Beam finds this registrar
 * through {@code META-INF/services}, on every runner.
 */
public final class ModelCoders implements CoderProviderRegistrar {
  @Override
  public List<CoderProvider> getCoderProviders() {
    return List.of(
        CoderProviders.forCoder(TypeDescriptor.of(ChatMessage.class), ChatMessage.ChatMessageCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(Conversation.class), Conversation.ConversationCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(ConversationFacts.class), ConversationFacts.ConversationFactsCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(DeadLetter.class), DeadLetter.DeadLetterCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(DedupCandidate.class), DedupCandidate.DedupCandidateCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(Duplicate.class), Duplicate.DuplicateCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(GtRecord.class), GtRecord.GtRecordCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(OutputLine.class), OutputLine.OutputLineCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(RoleTag.class), RoleTag.RoleTagCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(Sample.class), Sample.SampleCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(ScoreComponent.class), ScoreComponent.ScoreComponentCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(SessionDecision.class), SessionDecision.SessionDecisionCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(SessionOutcome.class), SessionOutcome.SessionOutcomeCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(TaggedConversation.class), TaggedConversation.TaggedConversationCoder.of()),
        CoderProviders.forCoder(TypeDescriptor.of(ToolCall.class), ToolCall.ToolCallCoder.of()));
  }
}
