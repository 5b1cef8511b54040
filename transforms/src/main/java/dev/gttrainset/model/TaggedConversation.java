package dev.gttrainset.model;

import com.google.auto.value.AutoValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;

/** A conversation with the role its session was given. */
@AutoValue
public abstract class TaggedConversation {
  public abstract Conversation conversation();

  public abstract RoleTag role();

  public static TaggedConversation create(Conversation conversation, RoleTag role) {
    return new AutoValue_TaggedConversation(conversation, role);
  }

  /** Explicit, deterministic encoding: the conversation, then the tag. */
  public static final class TaggedConversationCoder extends AtomicCoder<TaggedConversation> {
    private static final TaggedConversationCoder INSTANCE = new TaggedConversationCoder();

    public static TaggedConversationCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(TaggedConversation value, OutputStream out) throws IOException {
      Conversation.ConversationCoder.of().encode(value.conversation(), out);
      RoleTag.RoleTagCoder.of().encode(value.role(), out);
    }

    @Override
    public TaggedConversation decode(InputStream in) throws IOException {
      return create(
          Conversation.ConversationCoder.of().decode(in), RoleTag.RoleTagCoder.of().decode(in));
    }

    @Override
    public void verifyDeterministic() {}
  }
}
