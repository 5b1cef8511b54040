package dev.gttrainset.role;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.ConversationFacts;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.parse.FactsOfConversation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleTaggerTest {
  private final TownLayout layout = TownLayout.create(List.of("/home/ubuntu/gt"), List.of("gastown"));

  private static ConversationFacts conversation(String cwd, String projectDir, String firstMessage) {
    return FactsOfConversation.of(Conversation.builder()
        .setSessionId("s1")
        .setSourceFile(projectDir + "/s1.jsonl")
        .setProjectDir(projectDir)
        .setCwd(cwd)
        .setMessages(List.of(ChatMessage.user(firstMessage, 0L)))
        .build());
  }

  private static GtRecord sessionStart(String role) {
    return GtRecord.builder(GtRecord.EVENTS, "session_start").setSessionId("s1").setRole(role).build();
  }

  @Test
  void anEventNamingTheSessionBeatsEverythingElse() {
    RoleTag tag =
        RoleTagger.tag(
            conversation("/home/ubuntu/gt/mayor", "-home-ubuntu-gt-mayor", "hi"),
            List.of(sessionStart("gastown/crew/joe")),
            layout);
    assertEquals(RoleTag.create(GtRole.CREW, "gastown", "joe", RoleTag.SIGNAL_EVENT), tag);
  }

  @Test
  void thenTheWorkingDirectory() {
    RoleTag tag =
        RoleTagger.tag(
            conversation("/home/ubuntu/gt/gastown/witness", "x", "[GAS TOWN] mayor <- human • t • x"),
            List.of(),
            layout);
    assertEquals(RoleTag.create(GtRole.WITNESS, "gastown", "", RoleTag.SIGNAL_CWD), tag);
  }

  @Test
  void thenTheProjectFolder() {
    RoleTag tag =
        RoleTagger.tag(conversation("", "-home-ubuntu-gt-deacon-dogs-boot", "triage"), List.of(), layout);
    assertEquals(RoleTag.create(GtRole.BOOT, "", "", RoleTag.SIGNAL_PROJECT_DIR), tag);
  }

  @Test
  void thenTheBeacon() {
    RoleTag tag =
        RoleTagger.tag(
            conversation(
                "/tmp/wt", "-tmp-wt", "[GAS TOWN] gastown/polecats/toast <- witness • 2026-02-25T20:30 • assigned"),
            List.of(),
            layout);
    assertEquals(RoleTag.create(GtRole.POLECAT, "gastown", "toast", RoleTag.SIGNAL_MARKER), tag);
  }

  @Test
  void withoutEvidenceTheRoleIsUnknown() {
    RoleTag tag = RoleTagger.tag(conversation("/home/u/blog", "-home-u-blog", "add rss"), List.of(), layout);
    assertEquals(RoleTag.unknown(), tag);
  }

  @Test
  void anEventWithoutARoleIsNoEvidence() {
    RoleTag tag =
        RoleTagger.tag(
            conversation("/home/ubuntu/gt/deacon", "x", "patrol"), List.of(sessionStart("")), layout);
    assertEquals(RoleTag.SIGNAL_CWD, tag.signal());
    assertEquals(GtRole.DEACON, tag.role());
  }
}
