package dev.gttrainset.role;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.parse.FactsOfConversation;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.SessionDecision;
import dev.gttrainset.model.SessionOutcome;
import org.apache.beam.sdk.values.KV;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.TaggedConversation;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.TestPipelineExtension;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class TagRolesTest {
  private static Conversation conversation(String session, String agent, String cwd) {
    return Conversation.builder()
        .setSessionId(session)
        .setAgentId(agent)
        .setSourceFile(session + agent + ".jsonl")
        .setCwd(cwd)
        .setMessages(List.of(ChatMessage.user("hi", 0), ChatMessage.assistant("hello", List.of(), 0)))
        .build();
  }

  @Test
  void aSessionsSubagentsShareItsRoleAndTheRootIsLearnedFromEvents(TestPipeline pipeline) {
    PCollection<Conversation> conversations =
        pipeline.apply(
            "Conversations",
            Create.of(
                conversation("crew-1", "", "/srv/old/gastown/crew/joe"),
                conversation("crew-1", "agent-a", "/srv/old/gastown/crew/joe"),
                conversation("deacon-1", "", "/srv/old/deacon"),
                conversation("blog-1", "", "/home/u/blog")));
    PCollection<GtRecord> records =
        pipeline.apply(
            "Records",
            Create.of(
                GtRecord.builder(GtRecord.EVENTS, "session_start")
                    .setSessionId("crew-1")
                    .setRole("gastown/crew/joe")
                    .setCwd("/srv/old/gastown/crew/joe")
                    .build(),
                GtRecord.builder(GtRecord.EVENTS, "session_start").setSessionId("gone-1").setRole("mayor").build()));

    PCollectionTuple decided =
        conversations
            .apply("Facts", MapElements.into(TypeDescriptor.of(ConversationFacts.class)).via(FactsOfConversation::of))
            .apply(TagRoles.using(records, TagRoles.learnLayout(records, List.of())));
    PCollectionTuple tagged =
        conversations.apply(
            TagConversations.with(
                decided
                    .get(TagRoles.ROLES)
                    .apply(MapElements.into(new TypeDescriptor<KV<String, SessionDecision>>() {}).via(TagRolesTest::decided))
                    .apply(View.asMap())));

    PAssert.that(tagged.get(TagConversations.TAGGED))
        .satisfies(
            all -> {
              Map<String, String> roles = new TreeMap<>();
              for (TaggedConversation t : all) {
                roles.put(
                    t.conversation().sessionId() + "/" + t.conversation().agentId(),
                    t.role().role().id() + " " + t.role().signal() + " " + t.role().worker());
              }
              assertEquals(
                  Map.of(
                      "crew-1/", "crew event joe",
                      "crew-1/agent-a", "crew event joe",
                      "deacon-1/", "deacon cwd ",
                      "blog-1/", "unknown none "),
                  roles);
              return null;
            });
    PAssert.that(
            PCollectionList.of(decided.get(TagRoles.STATS))
                .and(tagged.get(TagConversations.STATS))
                .apply(Flatten.pCollections())
                .apply(Sum.longsPerKey()))
        .satisfies(
            stats -> {
              Map<String, Long> counts = new TreeMap<>();
              stats.forEach(kv -> counts.put(kv.getKey(), kv.getValue()));
              assertEquals(3L, counts.get(StatKeys.SESSIONS));
              assertEquals(1L, counts.get(StatKeys.role(GtRole.CREW.id(), "sessions")));
              assertEquals(2L, counts.get(StatKeys.role(GtRole.CREW.id(), "conversations")));
              assertEquals(1L, counts.get(StatKeys.SUBAGENT_CONVERSATIONS));
              assertEquals(1L, counts.get(StatKeys.EVENT_SESSIONS_WITHOUT_TRANSCRIPT));
              assertEquals(8L, counts.get(StatKeys.TURNS));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }

  /** A session decided by its role alone. */
  private static KV<String, SessionDecision> decided(KV<String, RoleTag> role) {
    return KV.of(role.getKey(), SessionDecision.create(role.getValue(), Sample.NO_COST, SessionOutcome.builder().build()));
  }
}
