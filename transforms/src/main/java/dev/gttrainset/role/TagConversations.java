package dev.gttrainset.role;

import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.SessionDecision;
import dev.gttrainset.model.TaggedConversation;
import dev.gttrainset.sideinput.ReadOnce;
import dev.gttrainset.stats.CountingFn;
import dev.gttrainset.stats.Ledger;
import dev.gttrainset.stats.StatKeys;
import java.util.Map;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Joins every conversation to what was decided about its session (role, cost, outcome), read from
 * one side input where the conversation is: subagents get their parent's, and no conversation
 * travels to meet its session.
 */
public final class TagConversations extends PTransform<PCollection<Conversation>, PCollectionTuple> {
  public static final TupleTag<TaggedConversation> TAGGED = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = Ledger.STATS;

  private final PCollectionView<Map<String, SessionDecision>> sessions;

  private TagConversations(PCollectionView<Map<String, SessionDecision>> sessions) {
    this.sessions = sessions;
  }

  /** @param sessions what was decided about every session ({@code session.DecideSessions}) */
  public static TagConversations with(PCollectionView<Map<String, SessionDecision>> sessions) {
    return new TagConversations(sessions);
  }

  @Override
  public PCollectionTuple expand(PCollection<Conversation> conversations) {
    return conversations.apply(
        "TagConversation",
        ParDo.of(new TagFn(sessions)).withSideInputs(sessions).withOutputTags(TAGGED, TupleTagList.of(STATS)));
  }

  private static final class TagFn extends CountingFn<Conversation, TaggedConversation> {
    private final PCollectionView<Map<String, SessionDecision>> sessions;
    private final ReadOnce<Map<String, SessionDecision>> bySession = new ReadOnce<>();

    TagFn(PCollectionView<Map<String, SessionDecision>> sessions) {
      this.sessions = sessions;
    }

    @ProcessElement
    public void process(@Element Conversation conversation, ProcessContext context, MultiOutputReceiver out) {
      SessionDecision session =
          bySession.get(() -> context.sideInput(sessions)).getOrDefault(conversation.sessionId(), SessionDecision.unknown());
      out.get(TAGGED).output(TaggedConversation.create(conversation, session));
      String role = session.role().role().id();
      counters().increment(StatKeys.role(role, "conversations"));
      counters().add(StatKeys.role(role, "turns"), conversation.turns());
      counters().add(StatKeys.TURNS, conversation.turns());
      if (!conversation.isMain()) {
        counters().increment(StatKeys.SUBAGENT_CONVERSATIONS);
      }
    }
  }
}
