package dev.gttrainset.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gttrainset.testing.TestPipelineExtension;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class InBucketsTest {
  @Test
  void aSessionAlwaysLandsInTheSameBucketOfTheCount(TestPipeline pipeline) {
    PCollection<KV<Integer, KV<String, Long>>> bucketed =
        pipeline.apply(Create.of(KV.of("a1b2", 1L), KV.of("zz-9", 2L))).apply(InBuckets.of(8));
    PAssert.that(bucketed)
        .containsInAnyOrder(
            KV.of(Math.floorMod("a1b2".hashCode(), 8), KV.of("a1b2", 1L)), KV.of(Math.floorMod("zz-9".hashCode(), 8), KV.of("zz-9", 2L)));
    pipeline.run().waitUntilFinish();
  }

  @Test
  void aBucketComesApartBySessionAndASessionDecidedTwiceIsABug() {
    assertEquals(Map.of("a", 1L, "b", 2L), InBuckets.bySession(List.of(KV.of("b", 2L), KV.of("a", 1L))));
    IllegalStateException twice =
        assertThrows(IllegalStateException.class, () -> InBuckets.bySession(List.of(KV.of("a", 1L), KV.of("a", 3L))));
    assertEquals("session a was decided twice", twice.getMessage());
  }
}
