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

  @Test
  void readsVictoriaLogsVictoriaMetricsAndBeads() {
    GtLogParser logs =
        parse(
            GtRecord.OTEL_LOGS,
            "{\"_msg\":\"session ended\",\"_stream\":\"{service.name=\\\"gt\\\"}\",\"_time\":\"2026-02-25T09:30:00.123Z\","
                + "\"gt.session\":\"gt-gastown-toast\",\"gt.issue\":\"gt-abc\",\"exit_type\":\"completed\",\"session_id\":\"uuid-1\"}",
            "{\"_msg\":\"no time\"}");
    logs.finish();
    GtRecord log = logs.records().get(0);
    assertEquals("uuid-1", log.sessionId());
    assertEquals("gt-gastown-toast", log.actor());
    assertEquals("gt-abc", log.bead());
    assertEquals("COMPLETED", log.status());
    assertEquals(List.of("2 missing-field"), reasons(logs));

    GtLogParser metrics =
        parse(
            GtRecord.METRICS,
            "{\"metric\":{\"__name__\":\"claude_code_cost_usage_USD_total\",\"session_id\":\"uuid-1\"},"
                + "\"values\":[0.05,0.271535],\"timestamps\":[1772010000000,1772010060000]}",
            "{\"metric\":{\"__name__\":\"claude_code_token_usage_tokens_total\",\"gt.session\":\"hq-mayor\",\"type\":\"output\"},"
                + "\"values\":[10,420],\"timestamps\":[1,2]}",
            "{\"metric\":{\"__name__\":\"x\"},\"values\":[1,2],\"timestamps\":[1]}");
    metrics.finish();
    assertEquals(271_535, metrics.records().get(0).amount());
    assertEquals(1772010060000L, metrics.records().get(0).timestampMillis());
    assertEquals(420, metrics.records().get(1).amount());
    assertEquals("hq-mayor", metrics.records().get(1).actor());
    assertEquals(List.of("3 missing-field"), reasons(metrics));

    GtLogParser beads =
        parse(
            GtRecord.BEADS,
            "{\"id\":\"gt-abc\",\"title\":\"Fix it\",\"status\":\"Closed\",\"closed_at\":\"2026-02-25T10:00:00Z\",\"closed_by_session\":\"uuid-1\"}",
            "{\"id\":\"gt-def\"}");
    beads.finish();
    assertEquals("closed", beads.records().get(0).status());
    assertEquals("uuid-1", beads.records().get(0).sessionId());
    assertEquals(List.of("2 missing-field"), reasons(beads));
  }
}
