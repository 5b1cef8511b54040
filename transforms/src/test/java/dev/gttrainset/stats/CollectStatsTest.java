package dev.gttrainset.stats;

import dev.gttrainset.testing.TestPipelineExtension;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollectionList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class CollectStatsTest {
  @Test
  void sumsEveryStagesCountsIntoOneMap(TestPipeline pipeline) {
    PCollectionList<KV<String, Long>> stages =
        PCollectionList.of(pipeline.apply("Parse", Create.of(KV.of("lines.read", 3L), KV.of("lines.used", 2L))))
            .and(pipeline.apply("Parse more", Create.of(KV.of("lines.read", 4L))))
            .and(pipeline.apply("Samples", Create.of(KV.of("samples.built", 1L))));

    PAssert.thatSingleton(stages.apply(CollectStats.create()))
        .isEqualTo(Map.of("lines.read", 7L, "lines.used", 2L, "samples.built", 1L));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void noInputGivesAnEmptyMap(TestPipeline pipeline) {
    PCollectionList<KV<String, Long>> none =
        PCollectionList.of(
            pipeline.apply(Create.empty(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))));
    PAssert.thatSingleton(none.apply(CollectStats.create())).isEqualTo(Map.of());
    pipeline.run().waitUntilFinish();
  }
}
