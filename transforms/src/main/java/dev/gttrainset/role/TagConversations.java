package dev.gttrainset.role;

import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.TaggedConversation;
import dev.gttrainset.sideinput.ReadOnce;
import dev.gttrainset.stats.StatKeys;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Gives every conversation its session's role, read from a side input where it is: subagents get
 * their parent's role, and no conversation travels to meet its session.
 */
public final class TagConversations extends PTransform<PCollection<Conversation>, PCollectionTuple> {
  public static final TupleTag<TaggedConversation> TAGGED = new TupleTag<>() {};
  public static final TupleTag<KV<String, Long>> STATS = new TupleTag<>() {};

  private final PCollectionView<Map<String, RoleTag>> roles;

  private TagConversations(PCollectionView<Map<String, RoleTag>> roles) {
    this.roles = roles;
  }

  /** @param roles every session's role ({@link TagRoles#ROLES}) */
  public static TagConversations with(PCollectionView<Map<String, RoleTag>> roles) {
    return new TagConversations(roles);
  }

  @Override
  public PCollectionTuple expand(PCollection<Conversation> conversations) {
    return conversations.apply(
        "TagConversation",
        ParDo.of(new TagFn(roles)).withSideInputs(roles).withOutputTags(TAGGED, TupleTagList.of(STATS)));
  }

  private static final class TagFn extends DoFn<Conversation, TaggedConversation> {
    private final PCollectionView<Map<String, RoleTag>> roles;
    private final ReadOnce<Map<String, RoleTag>> roleBySession = new ReadOnce<>();

    TagFn(PCollectionView<Map<String, RoleTag>> roles) {
      this.roles = roles;
    }

    @ProcessElement
    public void process(@Element Conversation conversation, ProcessContext context, MultiOutputReceiver out) {
      RoleTag tag = roleBySession.get(() -> context.sideInput(roles)).getOrDefault(conversation.sessionId(), RoleTag.unknown());
      out.get(TAGGED).output(TaggedConversation.create(conversation, tag));
      String role = tag.role().id();
      out.get(STATS).output(KV.of(StatKeys.role(role, "conversations"), 1L));
      out.get(STATS).output(KV.of(StatKeys.role(role, "turns"), conversation.turns()));
      out.get(STATS).output(KV.of(StatKeys.TURNS, conversation.turns()));
      if (!conversation.isMain()) {
        out.get(STATS).output(KV.of(StatKeys.SUBAGENT_CONVERSATIONS, 1L));
      }
    }
  }
}
