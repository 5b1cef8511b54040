package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;

/** A conversation with what was decided about its session: role, cost, outcome. */
@AutoValue
public abstract class TaggedConversation {
  public abstract Conversation conversation();

  public abstract SessionDecision session();

  public RoleTag role() {
    return session().role();
  }

  public static TaggedConversation create(Conversation conversation, SessionDecision session) {
    return new AutoValue_TaggedConversation(conversation, session);
  }

  /** Explicit, deterministic encoding: the conversation, then the decision. */
  public static final class TaggedConversationCoder extends AtomicCoder<TaggedConversation> {
    private static final TaggedConversationCoder INSTANCE = new TaggedConversationCoder();

    public static TaggedConversationCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(TaggedConversation value, OutputStream out) throws IOException {
      Conversation.ConversationCoder.of().encode(value.conversation(), out);
      SessionDecision.SessionDecisionCoder.of().encode(value.session(), out);
    }

    @Override
    public TaggedConversation decode(InputStream in) throws IOException {
      return create(
          Conversation.ConversationCoder.of().decode(in), SessionDecision.SessionDecisionCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
