package dev.gttrainset.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.model.GtRecord;
import dev.gttrainset.stats.StatKeys;
import dev.gttrainset.testing.TestPipelineExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(TestPipelineExtension.class)
class ReadGtLogsTest {
  @TempDir Path gtHome;

  @Test
  void readsPlainAndRotatedCommandLogsAndCountsAMissingLogAsNoFiles(TestPipeline pipeline) throws IOException {
    Files.writeString(
        gtHome.resolve("cmd-usage.jsonl"),
        "{\"ts\":\"2026-02-25T20:00:00+11:00\",\"cmd\":\"gt hook\",\"actor\":\"mayor\",\"argc\":0}\n");
    Files.writeString(
        gtHome.resolve("cmd-usage-2026-02-26.jsonl"),
        "{\"ts\":\"2026-02-26T20:00:00+11:00\",\"cmd\":\"gt done\",\"actor\":\"gastown/polecats/toast\",\"argc\":0}\n[]\n");

    PCollectionTuple logs =
        pipeline.apply(
            ReadGtLogs.of(
                List.of(
                    GtLog.create(GtRecord.COMMANDS, gtHome + "/cmd-usage*.jsonl", "gt_home"),
                    GtLog.create(GtRecord.COSTS, gtHome + "/costs.jsonl", "gt_home"))));

    PAssert.that(logs.get(ReadGtLogs.RECORDS))
        .satisfies(
            records -> {
              Map<String, String> commands = new TreeMap<>();
              records.forEach(r -> commands.put(r.command(), r.actor()));
              assertEquals(Map.of("gt hook", "mayor", "gt done", "gastown/polecats/toast"), commands);
              return null;
            });
    PAssert.that(logs.get(ReadGtLogs.DEAD_LETTERS))
        .satisfies(
            letters -> {
              letters.forEach(d -> assertEquals("gt_home/cmd-usage-2026-02-26.jsonl:2 not-an-object", d.file() + ":" + d.line() + " " + d.reason()));
              return null;
            });
    PAssert.that(logs.get(ReadGtLogs.STATS).apply(Sum.longsPerKey()))
        .satisfies(
            stats -> {
              Map<String, Long> counts = new TreeMap<>();
              stats.forEach(kv -> counts.put(kv.getKey(), kv.getValue()));
              assertEquals(2L, counts.get(StatKeys.source(GtRecord.COMMANDS, "files")));
              assertEquals(2L, counts.get(StatKeys.source(GtRecord.COMMANDS, "records")));
              assertEquals(null, counts.get(StatKeys.source(GtRecord.COSTS, "files")));
              assertEquals(3L, counts.get(StatKeys.LINES_READ));
              return null;
            });
    pipeline.run().waitUntilFinish();
  }
}
