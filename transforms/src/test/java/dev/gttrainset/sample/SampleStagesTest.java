package dev.gttrainset.sample;

import static dev.gttrainset.sample.Messages.MAYOR;
import static dev.gttrainset.sample.Messages.answer;
import static dev.gttrainset.sample.Messages.conversation;
import static dev.gttrainset.sample.Messages.sample;
import static dev.gttrainset.sample.Messages.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.model.Sample;
import dev.gttrainset.model.SessionDecision;
import dev.gttrainset.model.SessionOutcome;
import dev.gttrainset.model.TaggedConversation;
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

/** The Beam wiring of the sample stages: what goes where, and what is counted. */
@ExtendWith(TestPipelineExtension.class)
class SampleStagesTest {
  @Test
  void buildSamplesCutsWindowsAndGivesThemTheSessionsCostAndSide(TestPipeline pipeline) {
    SessionOutcome merged = SessionOutcome.builder().setOutcomeSignal("events:merged").setOutcomeValue(1.0).build();
    TaggedConversation tagged =
        TaggedConversation.create(
            conversation(user("status?"), answer("All agents healthy.")), SessionDecision.create(MAYOR, 420_000L, merged));

    PCollectionTuple built =
        pipeline.apply("Tagged", Create.of(tagged)).apply(BuildSamples.with(new SampleWindower(1_000, 4_000, false), new TrainValSplit(1.0)));

    PAssert.that(built.get(BuildSamples.SAMPLES))
        .satisfies(
            samples -> {
              Sample only = samples.iterator().next();
              assertEquals(420_000L, only.costMicros());
              assertEquals(TrainValSplit.VAL, only.split(), "the session's side, decided once where the sample is built");
              assertEquals("events:merged", only.outcome().get("signal"));
              assertEquals(3, only.messages().size());
              return null;
            });
    PAssert.that(built.get(BuildSamples.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(List.of(KV.of(StatKeys.SAMPLES_BUILT, 1L), KV.of(StatKeys.role("mayor", "samples_built"), 1L)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void qualityFilterKeepsFlagsAndRejectsWithReasons(TestPipeline pipeline) {
    Sample good = sample(user("status?"), answer("All agents are healthy and patrolling."));
    Sample silent = sample(user("anyone?")).toBuilder().setSampleIndex(1).build();

    PCollectionTuple filtered =
        pipeline.apply(Create.of(good, silent)).apply(QualityFilter.of(new QualityRules(1_000, 0)));

    PAssert.that(filtered.get(QualityFilter.KEPT)).containsInAnyOrder(good);
    PAssert.that(filtered.get(QualityFilter.REJECTED)).containsInAnyOrder(List.of(KV.of(QualityRules.NO_ASSISTANT_CONTENT, silent)));
    PAssert.that(filtered.get(QualityFilter.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(List.of(
            KV.of(StatKeys.SAMPLES_REJECTED, 1L),
            KV.of(StatKeys.rejected(QualityRules.NO_ASSISTANT_CONTENT), 1L),
            KV.of(StatKeys.role("mayor", "rejected"), 1L)));
    pipeline.run().waitUntilFinish();
  }
}
