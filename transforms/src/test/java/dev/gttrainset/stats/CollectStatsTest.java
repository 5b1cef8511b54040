package dev.gttrainset.stats;

import dev.gttrainset.testing.TestPipelineExtension;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class CollectStatsTest {
  @Test
  void sumsEveryStagesCountsIntoOneMap(TestPipeline pipeline) {
    Ledger ledger = new Ledger(pipeline);
    ledger.recordStats(pipeline.apply("Parse", Create.of(KV.of("lines.read", 3L), KV.of("lines.used", 2L))));
    ledger.recordStats(pipeline.apply("Parse more", Create.of(KV.of("lines.read", 4L))));
    ledger.record(PCollectionTuple.of(Ledger.STATS, pipeline.apply("Samples", Create.of(KV.of("samples.built", 1L)))));

    PAssert.thatSingleton(ledger.stats().apply(CollectStats.create()))
        .isEqualTo(Map.of("lines.read", 7L, "lines.used", 2L, "samples.built", 1L));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void noInputGivesAnEmptyMap(TestPipeline pipeline) {
    PAssert.thatSingleton(new Ledger(pipeline).stats().apply(CollectStats.create())).isEqualTo(Map.of());
    pipeline.run().waitUntilFinish();
  }
}
