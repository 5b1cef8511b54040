package dev.gttrainset.sample;

import static dev.gttrainset.sample.Messages.answer;
import static dev.gttrainset.sample.Messages.call;
import static dev.gttrainset.sample.Messages.reply;
import static dev.gttrainset.sample.Messages.sample;
import static dev.gttrainset.sample.Messages.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.Sample;
import dev.gttrainset.model.ScoreComponent;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.outcome.OutcomeRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QualityRulesTest {
  private final QualityRules rules = new QualityRules(1_000, 0);

  private Optional<String> reason(ChatMessage... messages) {
    return rules.rejectReason(sample(messages));
  }

  @Test
  void keepsAFinishedExchange() {
    assertTrue(reason(user("list files"), call("t1", "ls"), reply("t1", "a b"), answer("Two files: a and b.")).isEmpty());
  }

  @Test
  void rejectsWithTheFirstReasonThatApplies() {
    ChatMessage apiError = answer("API Error: 529").toBuilder().setApiError(true).build();
    ChatMessage untrained = answer("Stopped, as asked.").toBuilder().setContext(true).build();
    assertEquals(Optional.of(QualityRules.API_ERROR), reason(user("go"), apiError));
    assertEquals(Optional.of(QualityRules.NO_ASSISTANT_CONTENT), reason(user("anyone?")));
    assertEquals(Optional.of(QualityRules.NO_ASSISTANT_CONTENT), reason(user("go"), untrained));
    assertEquals(Optional.of(QualityRules.UNFINISHED_TURN), reason(user("go"), call("t1", "ls"), reply("t1", "a")));
    assertEquals(
        Optional.of(QualityRules.UNFINISHED_TURN),
        reason(user("go"), answer("Let me add that to our todo list.").toBuilder().setCallsDropped(true).build()));
    assertEquals(
        Optional.of(QualityRules.UNFINISHED_TURN),
        reason(user("go"), answer("Listing the files now."), user("and?"), untrained));
    assertEquals(Optional.of(QualityRules.TOO_SHORT), reason(user("hi"), answer("Hi!")));
    assertEquals(Optional.of(QualityRules.TOO_LONG), reason(user("go"), answer("z".repeat(5_000))));
  }

  @Test
  void keepsAWindowThatEndsOnTheCallItTeaches() {
    assertTrue(reason(user("list the files in /tmp"), call("t1", "ls -la /tmp/build")).isEmpty());
  }

  @Test
  void flagsToolErrors() {
    ChatMessage failed = ChatMessage.toolReply(ToolCall.create("t1", "Bash", "{}"), "boom", true, 0L);
    List<String> flags = QualityRules.flags(sample(user("go"), call("t1", "x"), failed, answer("It failed; stopping.")));
    assertEquals(List.of(QualityRules.TOOL_ERROR_FLAG), flags);
  }

  @Test
  void aSampleScoredBelowTheMinimumIsRejected() {
    Sample scored =
        sample(user("go"), answer("done, and said so")).toBuilder()
            .setScoreComponents(Map.of(OutcomeRules.OUTCOME, ScoreComponent.create(0.1, 0.4, "events:merge_failed")))
            .build();
    assertEquals(Optional.of(QualityRules.LOW_SCORE), new QualityRules(1_000, 0.5).rejectReason(scored));
    assertEquals(Optional.empty(), new QualityRules(1_000, 0.1).rejectReason(scored));
  }
}
