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
    assertEquals("hq-boot", cost.gtSession());
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
                + "\"gt.session\":\"gt-gastown-toast\",\"gt.issue\":\"gt-abc\",\"exit_type\":\"completed\",\"session_id\":\"" + CLAUDE_ID + "\"}",
            "{\"_msg\":\"no time\"}");
    logs.finish();
    GtRecord log = logs.records().get(0);
    assertEquals(CLAUDE_ID, log.sessionId());
    assertEquals("gt-gastown-toast", log.gtSession());
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
    // A sample each, as the counter's increase since the one before.
    assertEquals(50_000, metrics.records().get(0).amount());
    assertEquals(221_535, metrics.records().get(1).amount());
    assertEquals(1772010060000L, metrics.records().get(1).timestampMillis());
    assertEquals(410, metrics.records().get(3).amount());
    assertEquals("hq-mayor", metrics.records().get(3).gtSession());
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

  @Test
  void aSeriesSharedBySessionsIsReadAsIncreasesWithRestarts() {
    // hq-mayor's cost across two sessions: 0.2 then 0.5, a restart, then 0.1 and 0.3.
    GtLogParser metrics =
        parse(
            GtRecord.METRICS,
            "{\"metric\":{\"__name__\":\"claude_code_cost_usage_USD_total\",\"gt.session\":\"hq-mayor\"},"
                + "\"values\":[0.2,0.5,0.1,0.3],\"timestamps\":[1000,2000,3000,4000]}",
            "{\"metric\":{\"__name__\":\"claude_code_cost_usage_USD_total\"},\"values\":[0.2,-1],\"timestamps\":[1,2]}");
    metrics.finish();
    assertEquals(
        List.of(200_000L, 300_000L, 100_000L, 200_000L),
        metrics.records().stream().map(GtRecord::amount).collect(Collectors.toList()));
    assertEquals(List.of(1000L, 2000L, 3000L, 4000L), metrics.records().stream().map(GtRecord::timestampMillis).collect(Collectors.toList()));
    assertEquals(List.of("2 missing-field"), reasons(metrics));
  }

  /** A Claude Code session id, as the transcripts' file names have them. */
  private static final String CLAUDE_ID = "0b7a2025-5bfb-4b36-b8df-2893955146d1";

  @Test
  void readsTodaysTelemetryByRunTmuxNameAndNativeSession() {
    GtLogParser logs =
        parse(
            GtRecord.OTEL_LOGS,
            "{\"_msg\":\"agent.event\",\"_time\":\"2026-05-04T10:00:05Z\",\"session\":\"gt-toast\",\"run.id\":\"r-1\","
                + "\"native_session_id\":\"" + CLAUDE_ID + "\"}",
            "{\"_msg\":\"done\",\"_time\":\"2026-05-04T10:40:00Z\",\"gt.session\":\"gt-toast\",\"run.id\":\"r-1\","
                + "\"exit_type\":\"COMPLETED\",\"status\":\"ok\"}",
            // session.start's session_id is the tmux name now, not a Claude session.
            "{\"_msg\":\"session.start\",\"_time\":\"2026-05-04T10:00:00Z\",\"session_id\":\"gt-toast\",\"role\":\"polecat\"}");
    logs.finish();
    GtRecord event = logs.records().get(0);
    assertEquals("agent.event", event.type());
    assertEquals(CLAUDE_ID, event.sessionId());
    assertEquals("gt-toast", event.gtSession());
    assertEquals("r-1", event.runId());
    GtRecord done = logs.records().get(1);
    assertEquals("", done.sessionId());
    assertEquals("COMPLETED", done.status());
    assertEquals("r-1", done.runId());
    assertEquals("", logs.records().get(2).sessionId());
    assertEquals("gt-toast", logs.records().get(2).gtSession());
  }

  @Test
  void readsMergeRequestsAndTheRefinerysMailFromABeadsExport() {
    GtLogParser beads =
        parse(
            GtRecord.BEADS,
            "{\"_type\":\"issue\",\"id\":\"gt-wisp-x1y2\",\"title\":\"Merge: gt-abc\",\"description\":\"branch: polecat/toast-gt-abc\\n"
                + "target: main\\nsource_issue: gt-abc\\nrig: gastown\\nworker: toast\",\"status\":\"closed\",\"issue_type\":\"task\","
                + "\"created_at\":\"2026-05-04T10:39:00Z\",\"closed_at\":\"2026-05-04T12:00:00Z\",\"close_reason\":\"superseded by gt-wisp-z9\","
                + "\"labels\":[\"gt:merge-request\"]}",
            "{\"id\":\"gt-mr-7\",\"title\":\"Merge: gt-def\",\"status\":\"blocked\",\"issue_type\":\"merge-request\","
                + "\"description\":\"branch: polecat/nux-gt-def\\nworker: nux\"}",
            "{\"id\":\"hq-m1\",\"title\":\"MERGE_FAILED toast\",\"description\":\"Branch: polecat/toast-gt-abc\\nIssue: gt-abc\\n"
                + "Failure-Type: tests\",\"status\":\"open\",\"issue_type\":\"task\",\"assignee\":\"gastown/witness\","
                + "\"created_at\":\"2026-05-04T12:00:10Z\",\"labels\":[\"gt:message\",\"from:gastown/refinery\"]}",
            "{\"id\":\"hq-m2\",\"title\":\"Lunch?\",\"status\":\"open\",\"issue_type\":\"message\"}");
    beads.finish();
    GtRecord superseded = beads.records().get(0);
    assertEquals("merge_request", superseded.type());
    assertEquals("superseded", superseded.reason());
    assertEquals("gt-abc", superseded.bead());
    assertEquals("polecat/toast-gt-abc", superseded.branch());
    assertEquals("toast", superseded.worker());
    assertEquals("gastown", superseded.rig());
    assertEquals(Timestamps.parseMillis("2026-05-04T10:39:00Z"), superseded.timestampMillis(), "dated by its submission");
    assertEquals("blocked", beads.records().get(1).reason());
    GtRecord mail = beads.records().get(2);
    assertEquals("mail", mail.type());
    assertEquals("merge_failed", mail.reason());
    assertEquals("toast", mail.worker());
    assertEquals("gastown/refinery", mail.actor());
    assertEquals("polecat/toast-gt-abc", mail.branch());
    assertEquals("message", beads.records().get(3).type());
  }

  @Test
  void readsTheVerdictWordsOfMailAndNudgeEvents() {
    GtLogParser events =
        parse(
            GtRecord.EVENTS,
            "{\"ts\":\"2026-05-04T12:00:10Z\",\"source\":\"gt\",\"type\":\"mail\",\"actor\":\"gastown/refinery\","
                + "\"payload\":{\"to\":\"gastown/witness\",\"subject\":\"MERGED toast\"}}",
            "{\"ts\":\"2026-05-04T12:00:10Z\",\"source\":\"gt\",\"type\":\"nudge\",\"actor\":\"gastown/refinery\","
                + "\"payload\":{\"rig\":\"gastown\",\"target\":\"gastown/nux\",\"reason\":\"MERGE_FAILED: branch=polecat/nux-q"
                + " issue=gt-q type=conflict error=rebase failed\"}}",
            "{\"ts\":\"2026-05-04T12:00:10Z\",\"source\":\"gt\",\"type\":\"nudge\",\"actor\":\"mayor\","
                + "\"payload\":{\"target\":\"gastown/witness\",\"reason\":\"status?\"}}",
            "{\"ts\":\"2026-05-04T12:15:00Z\",\"source\":\"gt\",\"type\":\"session_death\",\"actor\":\"daemon\","
                + "\"payload\":{\"session\":\"gt-toast\",\"agent\":\"gastown/polecats/toast\",\"reason\":\"idle after gt done\"}}");
    events.finish();
    assertEquals("merged", events.records().get(0).reason());
    assertEquals("toast", events.records().get(0).worker());
    assertEquals("gastown/witness", events.records().get(0).status());
    GtRecord failed = events.records().get(1);
    assertEquals("merge_failed", failed.reason());
    assertEquals("polecat/nux-q", failed.branch());
    assertEquals("gastown/nux", failed.status());
    assertEquals("", events.records().get(2).reason());
    assertEquals("gt-toast", events.records().get(3).gtSession());
    assertEquals("idle after gt done", events.records().get(3).reason());
  }
}
