package dev.gttrainset.parse;

import dev.gttrainset.model.GtRecord;
import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTagList;

/**
 * Reads a live VictoriaLogs or VictoriaMetrics server ({@link VictoriaQuery}) with the parser of
 * their export files, into {@link ReadGtLogs}'s outputs: each page is a "file" of its own, named
 * by the server's kind and the page's start, so dead letters keep a file and a line. Pages are
 * spread over the workers. A server that cannot be reached or answers an error, or not in time,
 * after {@value #ATTEMPTS} attempts (one, once the pages before failed too), or that refuses the
 * query, leaves a dead letter {@value #FETCH_FAILED} for the page with the reason, after the lines
 * read before it: reported, never fatal (a server's page is not input the run wasted, so it does
 * not count against {@code --maxDeadLetterRatio}).
 */
public final class QueryVictoria extends PTransform<PBegin, PCollectionTuple> {
  static final String FETCH_FAILED = "fetch-failed";
  static final int ATTEMPTS = 3;

  private final VictoriaQuery query;

  private QueryVictoria(VictoriaQuery query) {
    this.query = query;
  }

  public static QueryVictoria of(VictoriaQuery query) {
    return new QueryVictoria(query);
  }

  @Override
  public PCollectionTuple expand(PBegin input) {
    return input
        .apply("Pages", Create.of(query.pages()).withCoder(KvCoder.of(VarLongCoder.of(), VarLongCoder.of())))
        .apply("SpreadPages", Reshuffle.viaRandomKey())
        .apply(
            "FetchAndParse",
            ParDo.of(new FetchFn(query))
                .withOutputTags(ReadGtLogs.RECORDS, TupleTagList.of(ReadGtLogs.DEAD_LETTERS).and(ReadGtLogs.STATS)));
  }

  /** Fetches one page, splitting it while it holds more lines than a page may. */
  static final class FetchFn extends DoFn<KV<Long, Long>, GtRecord> {
    /** After this many failed pages in a row a server is asked once a page, not {@value #ATTEMPTS} times. */
    private static final int FAILED_PAGES_BEFORE_ASKING_ONCE = 2;

    private final VictoriaQuery query;
    private transient HttpClient client;
    private transient int failedPagesInARow;

    FetchFn(VictoriaQuery query) {
      this.query = query;
    }

    @Setup
    public void setup() {
      // Redirects are not followed: the credentials would go wherever they point.
      client =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(query.timeoutSeconds()))
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
    }

    @ProcessElement
    public void process(@Element KV<Long, Long> page, MultiOutputReceiver out) throws InterruptedException {
      GtLogParser parser = new GtLogParser(query.source(), query.label() + "/" + Instant.ofEpochMilli(page.getKey()));
      Lines lines = new Lines();
      try {
        fetch(page.getKey(), page.getValue(), lines);
        failedPagesInARow = 0;
      } catch (IOException e) {
        lines.failed(e.getMessage());
        failedPagesInARow++;
      }
      // What was read before a failure is kept; the failure follows it as the page's dead letter.
      lines.replay(parser);
      if (lines.failure != null) {
        parser.sourceFailed(FETCH_FAILED, lines.failure);
      }
      parser.finish().forEach((key, count) -> out.get(ReadGtLogs.STATS).output(KV.of(key, count)));
      parser.records().forEach(out.get(ReadGtLogs.RECORDS)::output);
      parser.deadLetters().forEach(out.get(ReadGtLogs.DEAD_LETTERS)::output);
    }

    /** Adds the window's lines to {@code into}, a window too dense to split any further as a failure. */
    private void fetch(long from, long to, Lines into) throws IOException, InterruptedException {
      Lines lines = get(query.uri(from, to));
      if (lines.count() <= query.pageLimit()) {
        into.addAll(lines);
      } else if (to - from <= 1000) {
        into.failed("more than " + query.pageLimit() + " log lines within a second at " + Instant.ofEpochMilli(from)
            + ": narrow the query (--victoriaLogsQuery)");
      } else {
        long middle = from + (to - from) / 2;
        fetch(from, middle, into);
        fetch(middle, to, into);
      }
    }

    /**
     * The answer's lines, all of them within the timeout. A server error, a timeout, a failed
     * connection, 408 and 429 are tried again after a pause; any other answer is not.
     */
    private Lines get(URI uri) throws IOException, InterruptedException {
      HttpRequest.Builder builder = HttpRequest.newBuilder(uri).header("Accept", "application/json");
      if (!query.userInfo().isEmpty()) {
        builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(query.userInfo().getBytes(StandardCharsets.UTF_8)));
      }
      HttpRequest request = builder.GET().build();
      int attempts = failedPagesInARow >= FAILED_PAGES_BEFORE_ASKING_ONCE ? 1 : ATTEMPTS;
      String failure = null;
      for (int attempt = 1; attempt <= attempts; attempt++) {
        CompletableFuture<HttpResponse<byte[]>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        try {
          HttpResponse<byte[]> response = answer.get(query.timeoutSeconds(), TimeUnit.SECONDS);
          int status = response.statusCode();
          if (status == 200) {
            Lines lines = new Lines();
            LineReader.read(new ByteArrayInputStream(response.body()), lines);
            return lines;
          }
          String text = new String(response.body(), 0, Math.min(300, response.body().length), StandardCharsets.UTF_8).strip();
          failure = "HTTP " + status + (text.isEmpty() ? "" : ": " + text)
              + (status / 100 == 3 ? " (redirects are not followed: give the server's own URL)" : "");
          if (status < 500 && status != 408 && status != 429) {
            throw new IOException("GET " + where(uri) + ": " + failure);
          }
        } catch (TimeoutException e) {
          answer.cancel(true);
          failure = "no whole answer within " + query.timeoutSeconds() + " s";
        } catch (ExecutionException e) {
          failure = String.valueOf(e.getCause());
        }
        if (attempt < attempts) {
          Thread.sleep(1000L << (attempt - 1));
        }
      }
      throw new IOException("GET " + where(uri) + ": " + failure + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)"));
    }

    /** The server and path, without the query string: the error says where, the page says when. */
    private static String where(URI uri) {
      return uri.getScheme() + "://" + uri.getAuthority() + uri.getPath();
    }
  }

  /** A page's lines as {@link LineReader} read them, kept until the page is known to be whole. */
  static final class Lines implements LineReader.Sink {
    private record Line(String text, boolean terminated, String badReason, String badDetail) {}

    private final List<Line> lines = new ArrayList<>();
    /** The first thing that went wrong, or null. */
    private String failure;

    @Override
    public void line(String text, boolean terminated) {
      lines.add(new Line(text, terminated, null, null));
    }

    @Override
    public void badLine(String reason, String detail, String excerpt) {
      lines.add(new Line(excerpt, true, reason, detail));
    }

    int count() {
      return lines.size();
    }

    void addAll(Lines more) {
      lines.addAll(more.lines);
    }

    void failed(String reason) {
      if (failure == null) {
        failure = reason;
      }
    }

    void replay(LineReader.Sink sink) {
      for (Line line : lines) {
        if (line.badReason != null) {
          sink.badLine(line.badReason, line.badDetail, line.text);
        } else {
          sink.line(line.text, line.terminated);
        }
      }
    }
  }
}
