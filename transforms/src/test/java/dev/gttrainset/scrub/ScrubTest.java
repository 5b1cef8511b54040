package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.TestPipelineExtension;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class ScrubTest {
  private static final String EMAIL = "ops" + "@" + "acme-corp.io";

  /** The people of the sessions, as the pipeline learns them: here a home folder's login. */
  private static PCollectionView<Map<String, String>> people(TestPipeline pipeline) {
    return pipeline
        .apply("People", Create.of(KV.of("john.doe", People.LOGIN)))
        .apply(View.asMap());
  }

  @Test
  void samplesAreScrubbedWithTheHomeUsersAndCountedByRuleAndRole(TestPipeline pipeline) {
    Sample sample =
        Sample.builder()
            .setSessionId("s1")
            .setSourceFile("-home-john-doe-gt-mayor/s1.jsonl")
            .setRole(RoleTag.create(GtRole.DEACON, "", "", "cwd"))
            .setSampleIndex(0)
            .setFirstTimestampMillis(0)
            .setEstTokens(1)
            .setMessages(List.of(ChatMessage.user("mail " + EMAIL + " from /home/john.doe/x", 0), ChatMessage.assistant("Mailed.", List.of(), 0)))
            .build();

    PCollectionTuple scrubbed =
        pipeline.apply("Samples", Create.of(sample)).apply(Scrub.samples(Scrubber.withDefaultRules(), people(pipeline)));

    PAssert.that(scrubbed.get(Scrub.SAMPLES))
        .satisfies(
            out -> {
              Sample s = out.iterator().next();
              assertEquals("mail user@example.com from /home/user/x", s.messages().get(0).text());
              assertEquals("-home-user-gt-mayor/s1.jsonl", s.sourceFile());
              return null;
            });
    PAssert.that(scrubbed.get(Scrub.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(
            List.of(
                KV.of(StatKeys.redactions("email"), 1L),
                KV.of(StatKeys.redactions("home-dir"), 2L),
                KV.of(StatKeys.role("deacon", "redactions"), 3L),
                KV.of(StatKeys.redactionsByRole("deacon", "email"), 1L),
                KV.of(StatKeys.redactionsByRole("deacon", "home-dir"), 2L)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void deadLetterExcerptsAreScrubbed(TestPipeline pipeline) {
    DeadLetter letter = DeadLetter.create("events", "town/.events.jsonl", 3, "invalid-json", "bad", "{\"to\":\"" + EMAIL);

    PCollectionTuple scrubbed =
        pipeline.apply("Letters", Create.of(letter)).apply(Scrub.deadLetters(Scrubber.withDefaultRules(), people(pipeline)));

    PAssert.that(scrubbed.get(Scrub.DEAD_LETTERS))
        .satisfies(
            out -> {
              assertFalse(out.iterator().next().excerpt().contains(EMAIL));
              return null;
            });
    PAssert.that(scrubbed.get(Scrub.STATS)).containsInAnyOrder(List.of(KV.of(StatKeys.redactions("email"), 1L)));
    pipeline.run().waitUntilFinish();
  }
}
