package dev.gttrainset.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gttrainset.model.GtRecord;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GtLogParserTest {
  private static GtLogParser parse(String source, String... lines) {
    GtLogParser parser = new GtLogParser(source, "gt_home/x.jsonl");
    for (String line : lines) {
      parser.accept(line);
    }
    return parser;
  }

  @Test
  void readsTownEventsWithTheirPayload() {
    GtLogParser parser =
        parse(
            GtRecord.EVENTS,
            "{\"ts\":\"2026-02-25T09:00:00Z\",\"source\":\"gt\",\"type\":\"session_start\",\"actor\":\"mayor\","
                + "\"payload\":{\"cwd\":\"/home/u/gt/mayor\",\"role\":\"mayor\",\"session_id\":\"uuid-1\",\"topic\":\"patrol\"},"
                + "\"visibility\":\"feed\"}",
            "{\"type\":\"spawn\",\"actor\":\"gt\",\"payload\":{\"polecat\":\"toast\",\"rig\":\"gastown\"}}",
            "{\"ts\":\"2026-02-25T09:00:00Z\",\"actor\":\"mayor\"}");
    Counters counts = parser.finish();

    GtRecord start = parser.records().get(0);
    assertEquals("session_start", start.type());
    assertEquals("uuid-1", start.sessionId());
    assertEquals("mayor", start.role());
    assertEquals("/home/u/gt/mayor", start.cwd());
    assertEquals("patrol", start.topic());
    assertEquals(Timestamps.parseMillis("2026-02-25T09:00:00Z"), start.timestampMillis());
    assertEquals("toast", parser.records().get(1).worker());
    assertEquals("gastown", parser.records().get(1).rig());
    assertEquals(List.of("3 missing-field"), reasons(parser));
    assertEquals(1, counts.get(StatKeys.eventType("spawn")));
    assertEquals(2, counts.get(StatKeys.source(GtRecord.EVENTS, "records")));
  }

  @Test
  void readsCostsExactlyInMicroDollars() {
    GtLogParser parser =
        parse(
            GtRecord.COSTS,
            "{\"session_id\":\"hq-boot\",\"role\":\"deacon\",\"worker\":\"deacon\",\"cost_usd\":0.27153524999999995,"
                + "\"ended_at\":\"2026-02-25T20:29:17.027066556+11:00\"}",
            "{\"session_id\":\"hq-mayor\",\"role\":\"mayor\",\"cost_usd\":\"a lot\"}");
    parser.finish();

    GtRecord cost = parser.records().get(0);
    assertEquals(271_535L, cost.costMicros());
    assertEquals("hq-boot", cost.actor());
    assertEquals(Timestamps.parseMillis("2026-02-25T09:29:17.027Z"), cost.timestampMillis());
    assertEquals(List.of("2 missing-field"), reasons(parser));
  }

  @Test
  void readsCommandUsesAndCountsThemByActor() {
    GtLogParser parser =
        parse(
            GtRecord.COMMANDS,
            "{\"ts\":\"2026-02-25T20:29:17+11:00\",\"cmd\":\"gt costs record\",\"actor\":\"deacon/boot\",\"argc\":0}",
            "",
            "{\"ts\":");
    Counters counts = parser.finish();

    assertEquals("gt costs record", parser.records().get(0).command());
    assertEquals(1, counts.get(StatKeys.gtCommands("deacon/boot")));
    assertEquals(1, counts.get(StatKeys.skipped("blank")));
    assertEquals(List.of("3 invalid-json"), reasons(parser));
    assertEquals(3, counts.get(StatKeys.LINES_READ));
  }

  private static List<String> reasons(GtLogParser parser) {
    return parser.deadLetters().stream().map(d -> d.line() + " " + d.reason()).collect(Collectors.toList());
  }

  @Test
  void numbersAndDatesOutOfEveryRangeAreDeadLettersNotCrashes() {
    GtLogParser parser =
        parse(
            GtRecord.COSTS,
            "{\"session_id\":\"hq-mayor\",\"role\":\"mayor\",\"cost_usd\":1e400}",
            "{\"session_id\":\"hq-mayor\",\"role\":\"mayor\",\"cost_usd\":-1}",
            "{\"session_id\":\"hq-mayor\",\"role\":\"mayor\",\"cost_usd\":0.5,\"ended_at\":\"+999999999-12-31T23:59:59Z\"}");
    parser.finish();
    assertEquals(List.of("1 missing-field", "2 missing-field"), reasons(parser));
    assertEquals(Timestamps.NONE, parser.records().get(0).timestampMillis());
  }
}
