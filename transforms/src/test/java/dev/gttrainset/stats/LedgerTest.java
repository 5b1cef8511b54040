package dev.gttrainset.stats;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.testing.TestPipelineExtension;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class LedgerTest {
  private static DeadLetter deadLetter(String file) {
    return DeadLetter.create("transcript", file, 1, "not-json", "", "{");
  }

  @Test
  void aStageIsRecordedOnceForEachKindItHas(TestPipeline pipeline) {
    Ledger ledger = new Ledger(pipeline);
    ledger.record(
        PCollectionTuple.of(Ledger.STATS, pipeline.apply("Stats", Create.of(KV.of("lines.read", 2L))))
            .and(Ledger.DEAD_LETTERS, pipeline.apply("Bad", Create.of(deadLetter("a.jsonl")))));
    ledger.record(PCollectionTuple.of(Ledger.DEAD_LETTERS, pipeline.apply("More bad", Create.of(deadLetter("b.jsonl")))));

    PAssert.that(ledger.deadLetters()).containsInAnyOrder(deadLetter("a.jsonl"), deadLetter("b.jsonl"));
    PAssert.that(ledger.stats()).containsInAnyOrder(List.of(KV.of("lines.read", 2L)));
    PAssert.that(ledger.rejects()).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aKindTakenCannotBeAddedToOrTakenAgain(TestPipeline pipeline) {
    Ledger ledger = new Ledger(pipeline);
    PCollectionTuple late = PCollectionTuple.of(Ledger.DEAD_LETTERS, pipeline.apply("Late", Create.of(deadLetter("c.jsonl"))));
    PAssert.that(ledger.deadLetters()).empty();
    assertThrows(IllegalStateException.class, () -> ledger.record(late));
    assertThrows(IllegalStateException.class, ledger::deadLetters);
    pipeline.run().waitUntilFinish();
  }
}
