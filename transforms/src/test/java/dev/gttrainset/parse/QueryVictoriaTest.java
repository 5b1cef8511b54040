package dev.gttrainset.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.testing.FakeVictoria;
import dev.gttrainset.testing.TestPipelineExtension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(TestPipelineExtension.class)
class QueryVictoriaTest {
  private static final long START = Instant.parse("2026-02-25T00:00:00Z").toEpochMilli();
  private static final long MINUTE = 60_000L;
  private static final String CLAUDE_CODE = "{__name__=~\"claude_code_.+\"}";

  /** Three lines in the first hour, fourteen in the second (a page of ten must be split), one at 02:00 sharp. */
  private static final List<Long> TIMES = times();

  private final FakeVictoria server =
      new FakeVictoria(
          logLines(),
          List.of(
              "{\"metric\":{\"__name__\":\"claude_code_token_usage_tokens_total\",\"session_id\":\"s1\"},\"values\":[100,250],\"timestamps\":[1,2]}",
              "{\"metric\":{\"__name__\":\"claude_code_cost_usage_USD_total\",\"session_id\":\"s1\"},\"values\":[0.5],\"timestamps\":[2]}"));

  private static List<Long> times() {
    List<Long> times = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      times.add(START + i * 20 * MINUTE);
    }
    for (int i = 0; i < 14; i++) {
      times.add(START + 60 * MINUTE + i * 4 * MINUTE);
    }
    times.add(START + 120 * MINUTE);
    return times;
  }

  private static List<String> logLines() {
    List<String> lines = new ArrayList<>();
    for (long millis : TIMES) {
      lines.add("{\"_msg\":\"session ended\",\"_time\":\"" + Instant.ofEpochMilli(millis) + "\",\"_stream\":\"{service.name=\\\"gastown\\\"}\","
          + "\"gt.session\":\"hq-mayor\",\"exit_type\":\"COMPLETED\"}");
    }
    return lines;
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private VictoriaQuery threeHours() {
    return VictoriaQuery.logs(server.url(), "{service.name=\"gastown\"}", START, START + 180 * MINUTE).withPages(60 * MINUTE, 10);
  }

  @Test
  void logsComePagedEachLineOnceAndAFullPageIsSplit(TestPipeline pipeline) {
    PCollectionTuple read = pipeline.apply(QueryVictoria.of(threeHours()));

    PAssert.that(read.get(ReadGtLogs.RECORDS))
        .satisfies(records -> {
          List<Long> times = new ArrayList<>();
          records.forEach(r -> times.add(r.timestampMillis()));
          times.sort(null);
          assertEquals(TIMES, times, "every line once, the one on a page's edge in the later page");
          records.forEach(r -> assertEquals(GtRecord.OTEL_LOGS, r.source()));
          return null;
        });
    PAssert.that(read.get(ReadGtLogs.DEAD_LETTERS)).empty();
    PAssert.that(read.get(ReadGtLogs.STATS).apply(Sum.longsPerKey()))
        .satisfies(stats -> {
          Map<String, Long> counts = new TreeMap<>();
          stats.forEach(kv -> counts.put(kv.getKey(), kv.getValue()));
          assertEquals(18L, counts.get("lines.read"));
          assertEquals(18L, counts.get("lines.used"));
          assertEquals(3L, counts.get("sources.otel_logs.files"), "a file per page");
          return null;
        });
    pipeline.run().waitUntilFinish();
    // Three pages; the second answers eleven of its fourteen, so it is asked again in two halves of seven.
    assertEquals(5, server.requests());
  }

  @Test
  void metricSeriesComeInOneExport(TestPipeline pipeline) {
    PCollectionTuple read =
        pipeline.apply(QueryVictoria.of(VictoriaQuery.metrics(server.url(), CLAUDE_CODE, START, START + 180 * MINUTE)));
    PAssert.that(read.get(ReadGtLogs.RECORDS))
        .satisfies(records -> {
          Map<String, Long> amounts = new TreeMap<>();
          // Each sample is the counter's increase: they add up to its total.
          records.forEach(r -> amounts.merge(r.type(), r.amount(), Long::sum));
          assertEquals(Map.of("claude_code_token_usage_tokens_total", 250L, "claude_code_cost_usage_USD_total", 500_000L), amounts);
          return null;
        });
    pipeline.run().waitUntilFinish();
    assertEquals(List.of(CLAUDE_CODE), server.matches());
  }

  @Test
  void aRefusedQueryIsADeadLetterWithTheServersReasonAndIsNotAskedAgain(TestPipeline pipeline) {
    server.failWith(400);
    PCollectionTuple read = pipeline.apply(QueryVictoria.of(threeHours().withPages(180 * MINUTE, 10)));
    PAssert.that(read.get(ReadGtLogs.DEAD_LETTERS))
        .satisfies(letters -> {
          DeadLetter letter = letters.iterator().next();
          assertEquals(QueryVictoria.FETCH_FAILED, letter.reason());
          assertEquals("victorialogs/2026-02-25T00:00:00Z", letter.file());
          assertTrue(letter.detail().contains("/select/logsql/query: HTTP 400: bad query: unexpected token"), letter.detail());
          return null;
        });
    PAssert.that(read.get(ReadGtLogs.RECORDS)).empty();
    pipeline.run().waitUntilFinish();
    assertEquals(1, server.requests());
  }

  @Test
  void aFailingServerIsAskedThreeTimesThenADeadLetter(TestPipeline pipeline) {
    server.failWith(503);
    PCollectionTuple read = pipeline.apply(QueryVictoria.of(threeHours().withPages(180 * MINUTE, 10)));
    deadLetterSays(read, "HTTP 503", "(3 attempts)");
    pipeline.run().waitUntilFinish();
    assertEquals(QueryVictoria.ATTEMPTS, server.requests());
  }

  @Test
  void aServerThatIsNotThereIsADeadLetterNotAFailedRun(TestPipeline pipeline) {
    String gone = server.url();
    server.close();
    PCollectionTuple read = pipeline.apply(QueryVictoria.of(VictoriaQuery.logs(gone, "*", START, START + 60 * MINUTE)));
    PAssert.that(read.get(ReadGtLogs.DEAD_LETTERS))
        .satisfies(letters -> {
          String detail = letters.iterator().next().detail();
          assertTrue(detail.startsWith("GET " + gone + "/select/logsql/query: "), detail);
          return null;
        });
    pipeline.run().waitUntilFinish();
  }

  @Test
  void credentialsInTheUrlAreSentAsBasicAuthenticationAndNeverShown(TestPipeline pipeline) {
    // An '@' in a password, unescaped as people write it.
    String password = String.join("", "pw", "@", Long.toHexString(System.nanoTime()));
    String url = server.url().replace("http://", "http://reader:" + password + "@");
    VictoriaQuery query = VictoriaQuery.logs(url, "*", START, START + 60 * MINUTE);
    assertEquals(server.url(), query.baseUrl());
    assertFalse(query.describe().contains(password), query.describe());
    server.failWith(401);
    PCollectionTuple read = pipeline.apply(QueryVictoria.of(query));
    deadLetterSays(read, "HTTP 401");
    PAssert.that(read.get(ReadGtLogs.DEAD_LETTERS))
        .satisfies(letters -> {
          letters.forEach(letter -> assertFalse(letter.detail().contains(password), letter.detail()));
          return null;
        });
    pipeline.run().waitUntilFinish();
    String basic = java.util.Base64.getEncoder().encodeToString(("reader:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(List.of("Basic " + basic), server.authorizations());
  }

  @Test
  void tooManyRequestsIsAskedAgain(TestPipeline pipeline) {
    server.failWith(429);
    PCollectionTuple read = pipeline.apply(QueryVictoria.of(threeHours().withPages(180 * MINUTE, 10)));
    deadLetterSays(read, "HTTP 429", "(3 attempts)");
    pipeline.run().waitUntilFinish();
    assertEquals(QueryVictoria.ATTEMPTS, server.requests());
  }

  @Test
  void aRedirectIsNotFollowed(TestPipeline pipeline) {
    server.failWith(302);
    PCollectionTuple read = pipeline.apply(QueryVictoria.of(threeHours().withPages(180 * MINUTE, 10)));
    deadLetterSays(read, "HTTP 302", "redirects are not followed");
    pipeline.run().waitUntilFinish();
    assertEquals(1, server.requests());
  }

  @Test
  void anAnswerThatStallsIsGivenUpOnInTime(TestPipeline pipeline) {
    server.stallAfterTheFirstLine(20_000);
    PCollectionTuple read = pipeline.apply(QueryVictoria.of(threeHours().withPages(180 * MINUTE, 100).withTimeout(1)));
    deadLetterSays(read, "no whole answer within 1 s", "(3 attempts)");
    PAssert.that(read.get(ReadGtLogs.RECORDS)).empty();
    long start = System.nanoTime();
    pipeline.run().waitUntilFinish();
    assertTrue((System.nanoTime() - start) / 1e9 < 15, "three attempts of a second and their pauses, not the stall");
  }

  @Test
  void aSecondTooDenseToSplitFailsAloneAndThePageKeepsTheRest(TestPipeline pipeline) {
    // Three lines within one second: a page limit of two cannot hold them however it is split.
    List<String> lines = new ArrayList<>(logLines().subList(0, 3));
    for (int i = 0; i < 3; i++) {
      lines.add(logLines().get(0).replace(Instant.ofEpochMilli(START).toString(), Instant.ofEpochMilli(START + 30 * MINUTE + i).toString()));
    }
    try (FakeVictoria dense = new FakeVictoria(lines, List.of())) {
      PCollectionTuple read = pipeline.apply(
          QueryVictoria.of(VictoriaQuery.logs(dense.url(), "*", START, START + 60 * MINUTE).withPages(60 * MINUTE, 2)));
      PAssert.that(read.get(ReadGtLogs.RECORDS))
          .satisfies(records -> {
            List<Long> times = new ArrayList<>();
            records.forEach(r -> times.add(r.timestampMillis()));
            times.sort(null);
            assertEquals(List.of(START, START + 20 * MINUTE, START + 40 * MINUTE), times, "the lines around the dense second");
            return null;
          });
      PAssert.that(read.get(ReadGtLogs.DEAD_LETTERS))
          .satisfies(letters -> {
            String detail = letters.iterator().next().detail();
            assertTrue(detail.startsWith("more than 2 log lines within a second at 2026-02-25T00:30:00Z"), detail);
            return null;
          });
      pipeline.run().waitUntilFinish();
    }
  }

  /** The run's one dead letter is a fetch failure whose detail says all of {@code parts}. */
  private static void deadLetterSays(PCollectionTuple read, String... parts) {
    PAssert.that(read.get(ReadGtLogs.DEAD_LETTERS))
        .satisfies(letters -> {
          DeadLetter letter = letters.iterator().next();
          assertEquals(QueryVictoria.FETCH_FAILED, letter.reason());
          for (String part : parts) {
            assertTrue(letter.detail().contains(part), letter.detail());
          }
          return null;
        });
  }

  @Test
  void rangesAndUrlsAreChecked() {
    assertTrue(VictoriaQuery.logs("http://h:9428/", "*", START, START + 1).uri(START, START + 1).toString()
        .startsWith("http://h:9428/select/logsql/query?query=*&start=2026-02-25T00%3A00%3A00Z&end=2026-02-25T00%3A00%3A00.000999999Z"));
    assertThrows(IllegalArgumentException.class, () -> VictoriaQuery.logs("h:9428", "*", START, START + 1));
    assertThrows(IllegalArgumentException.class, () -> VictoriaQuery.logs("http://h", "*", START, START));
  }
}
