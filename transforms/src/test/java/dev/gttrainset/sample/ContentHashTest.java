package dev.gttrainset.sample;

import static dev.gttrainset.sample.Messages.answer;
import static dev.gttrainset.sample.Messages.call;
import static dev.gttrainset.sample.Messages.reply;
import static dev.gttrainset.sample.Messages.sample;
import static dev.gttrainset.sample.Messages.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentHashTest {
  @Test
  void theSameExchangeInAnotherSessionHashesTheSame() {
    Sample a = sample(user("status?"), call("toolu_1", "gt status"), reply("toolu_1", "ok"), answer("All good."));
    Sample b =
        sample(user("status?"), call("toolu_9", "gt status"), reply("toolu_9", "ok"), answer("All good."))
            .toBuilder()
            .setSessionId("other")
            .setSampleIndex(7)
            .build();
    assertEquals(64, ContentHash.of(a).length());
    assertEquals(ContentHash.of(a), ContentHash.of(b));
  }

  @Test
  void anyChangeInContentChangesTheHash() {
    Sample a = sample(user("status?"), answer("All good."));
    assertNotEquals(ContentHash.of(a), ContentHash.of(sample(user("status?"), answer("All good!"))));
    assertNotEquals(ContentHash.of(a), ContentHash.of(sample(user("status"), answer("All good."))));
  }

  @Test
  void theRolePromptIsNotPartOfTheContent() {
    Sample a = sample(user("status?"), answer("All good."));
    List<ChatMessage> asDeacon = new ArrayList<>(a.messages());
    asDeacon.set(0, ChatMessage.system(GtRole.DEACON.systemPrompt()));
    assertEquals(ContentHash.of(a), ContentHash.of(a.toBuilder().setMessages(asDeacon).build()));
  }
}
