package dev.gttrainset.scrub;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The people of all sessions ({@link People}): the logins of their home folders and the logins and
 * full names their tools print, as one map for the scrubber (word to {@link People#LOGIN} or
 * {@link People#FULL_NAME}), so that a name seen in one session's git log is scrubbed in every
 * sample that mentions it.
 */
public final class PeopleInSessions extends PTransform<PCollection<Conversation>, PCollectionView<Map<String, String>>> {
  public static PeopleInSessions found() {
    return new PeopleInSessions();
  }

  @Override
  public PCollectionView<Map<String, String>> expand(PCollection<Conversation> conversations) {
    return conversations
        .apply(
            "PeopleOfConversation",
            FlatMapElements.into(TypeDescriptors.kvs(TypeDescriptors.strings(), TypeDescriptors.strings()))
                .via(PeopleInSessions::of))
        .apply("OneKindPerWord", Combine.perKey(new LoginFirst()))
        .apply("AsMap", View.asMap());
  }

  static List<KV<String, String>> of(Conversation conversation) {
    Map<String, String> found = new TreeMap<>();
    String login = People.loginOfHome(conversation.cwd());
    if (!login.isEmpty()) {
      found.put(login, People.LOGIN);
    }
    for (ChatMessage message : conversation.messages()) {
      learn(message.text(), found);
      for (ToolCall call : message.toolCalls()) {
        learn(call.arguments(), found);
      }
    }
    List<KV<String, String>> out = new ArrayList<>();
    found.forEach((word, kind) -> out.add(KV.of(word, kind)));
    return out;
  }

  private static void learn(String text, Map<String, String> found) {
    if (!text.isEmpty()) {
      People.learn(DecodedText.of(text).text(), found);
    }
  }

  /** A word seen both as a login and as a name is a login: scrubbed as a word, capitalised too. */
  private static final class LoginFirst implements SerializableFunction<Iterable<String>, String> {
    @Override
    public String apply(Iterable<String> kinds) {
      String chosen = People.FULL_NAME;
      for (String kind : kinds) {
        if (People.LOGIN.equals(kind)) {
          chosen = kind;
        }
      }
      return chosen;
    }
  }
}
