package dev.gttrainset.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.sample.ContentHash;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.TestPipelineExtension;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class ScrubTest {
  private static final String EMAIL = "ops" + "@" + "acme-corp.io";

  @Test
  void samplesAreScrubbedThenHashedAndCountedByRuleAndRole(TestPipeline pipeline) {
    Sample sample =
        Sample.builder()
            .setSessionId("s1")
            .setSourceFile("p/s1.jsonl")
            .setRole(RoleTag.create(GtRole.DEACON, "", "", "cwd"))
            .setSampleIndex(0)
            .setFirstTimestampMillis(0)
            .setEstTokens(1)
            .setMessages(List.of(ChatMessage.user("mail " + EMAIL, 0), ChatMessage.assistant("Mailed.", List.of(), 0)))
            .build();

    PCollectionTuple scrubbed = pipeline.apply(Create.of(sample)).apply(Scrub.samples(Scrubber.withDefaultRules()));

    PAssert.that(scrubbed.get(Scrub.SAMPLES))
        .satisfies(
            out -> {
              Sample s = out.iterator().next();
              assertEquals("mail [REDACTED:email]", s.messages().get(0).text());
              assertEquals(ContentHash.of(s), s.contentSha256());
              return null;
            });
    PAssert.that(scrubbed.get(Scrub.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(List.of(KV.of(StatKeys.redactions("email"), 1L), KV.of(StatKeys.role("deacon", "redactions"), 1L)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void deadLetterExcerptsAreScrubbed(TestPipeline pipeline) {
    DeadLetter letter = DeadLetter.create("events", "town/.events.jsonl", 3, "invalid-json", "bad", "{\"to\":\"" + EMAIL);

    PCollectionTuple scrubbed =
        pipeline.apply(Create.of(letter)).apply(Scrub.deadLetters(Scrubber.withDefaultRules()));

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
