package dev.gttrainset.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.gate.OutputGate;
import dev.gttrainset.model.ChatMessage;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.GtRole;
import dev.gttrainset.model.OutputLine;
import dev.gttrainset.model.RoleTag;
import dev.gttrainset.model.Sample;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.TestPipelineExtension;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import dev.gttrainset.tools.LearnToolTable;
import dev.gttrainset.tools.ToolTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class ToOutputLinesTest {
  private static final Records RECORDS =
      new Records(Records.Shape.of(RecordFormat.CHAT, false, ToolCallIds.ORIGINAL, CallsPerMessage.ANY));
  private static final OutputGate GATE = OutputGate.of(OutputGate.Mode.QUARANTINE);

  private static Sample sample(String session, String split) {
    return Sample.builder()
        .setSessionId(session)
        .setSourceFile("p/" + session + ".jsonl")
        .setRole(RoleTag.create(GtRole.REFINERY, "gastown", "", "cwd"))
        .setSampleIndex(0)
        .setFirstTimestampMillis(0)
        .setEstTokens(1)
        .setMessages(List.of(ChatMessage.user("merge", 0), ChatMessage.assistant("Merged.", List.of(), 0)))
        .setSplit(split)
        .build();
  }

  private static PCollectionView<ToolTable> noTools(TestPipeline pipeline) {
    return pipeline
        .apply("NoSamples", Create.empty(Sample.SampleCoder.of()))
        .apply("NoTools", LearnToolTable.fromCalls());
  }

  @Test
  void samplesGoToTheirRoleAndSplitFile(TestPipeline pipeline) {
    PCollection<Sample> samples = pipeline.apply(Create.of(sample("a", "val"), sample("b", "val")));
    PCollectionTuple lines = samples.apply(ToOutputLines.samples(RECORDS, GATE, samples.apply(LearnToolTable.fromCalls())));

    PAssert.that(lines.get(ToOutputLines.LINES))
        .satisfies(
            out -> {
              out.forEach(
                  line -> {
                    assertEquals("refinery_val", line.file());
                    assertTrue(line.json().contains("\"split\":\"val\""), line.json());
                  });
              return null;
            });
    PAssert.that(lines.get(ToOutputLines.STATS).apply(Sum.longsPerKey()))
        .containsInAnyOrder(List.of(
            KV.of(StatKeys.SAMPLES_WRITTEN, 2L),
            KV.of(StatKeys.role("refinery", "samples"), 2L),
            KV.of(StatKeys.role("refinery", "val"), 2L),
            KV.of(StatKeys.scoreBin("refinery", 1.0), 2L)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void rejectsAndDeadLettersHaveFilesOfTheirOwn(TestPipeline pipeline) {
    PCollection<OutputLine> rejects =
        pipeline
            .apply("Rejects", Create.of(KV.of("too-long", sample("a", "train"))))
            .apply("RenderRejects", ToOutputLines.rejects(RECORDS, GATE, noTools(pipeline)))
            .get(ToOutputLines.LINES);
    PCollection<OutputLine> letters =
        pipeline
            .apply("Letters", Create.of(DeadLetter.create("costs", "gt_home/costs.jsonl", 7, "missing-field", "no cost", "{}")))
            .apply("RenderLetters", ToOutputLines.deadLetters(GATE)).get(ToOutputLines.LINES);

    PAssert.that(rejects)
        .satisfies(
            out -> {
              OutputLine line = out.iterator().next();
              assertEquals(ToOutputLines.REJECTS_FILE, line.file());
              assertTrue(line.json().contains("\"reject_reason\":\"too-long\""));
              assertTrue(line.json().contains("\"split\":\"train\""));
              return null;
            });
    PAssert.that(letters)
        .containsInAnyOrder(
            OutputLine.create(
                ToOutputLines.DEAD_LETTERS_FILE,
                "costs\u0000gt_home/costs.jsonl\u0000000000000007\u0000missing-field",
                "{\"source\":\"costs\",\"file\":\"gt_home/costs.jsonl\",\"line\":7,\"reason\":\"missing-field\","
                    + "\"detail\":\"no cost\",\"excerpt\":\"{}\"}"));
    pipeline.run().waitUntilFinish();
  }
}
