package dev.gttrainset.sideinput;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.beam.sdk.util.SerializableUtils;
import org.junit.jupiter.api.Test;

class ReadOnceTest {
  @Test
  void readsOnceAndACopyReadsAfresh() {
    AtomicInteger reads = new AtomicInteger();
    ReadOnce<String> value = new ReadOnce<>();
    assertEquals("v1", value.get(() -> "v" + reads.incrementAndGet()));
    assertEquals("v1", value.get(() -> "v" + reads.incrementAndGet()));
    // A runner's copy of the DoFn holding it has read nothing yet.
    ReadOnce<String> copy = SerializableUtils.clone(value);
    assertEquals("v2", copy.get(() -> "v" + reads.incrementAndGet()));
    assertEquals(2, reads.get());
  }
}
