package dev.gttrainset.parse;

import dev.gttrainset.model.GtRecord;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
 * spread over the workers. A server that cannot be reached, times out or refuses the query after
 * {@value #ATTEMPTS} attempts leaves a dead letter {@value #FETCH_FAILED} for the page with the
 * reason: reported, not fatal (unless dead letters pass {@code --maxDeadLetterRatio}).
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
    private final VictoriaQuery query;
    private transient HttpClient client;

    FetchFn(VictoriaQuery query) {
      this.query = query;
    }

    @Setup
    public void setup() {
      client =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(query.timeoutSeconds()))
              .followRedirects(HttpClient.Redirect.NORMAL)
              .build();
    }

    @ProcessElement
    public void process(@Element KV<Long, Long> page, MultiOutputReceiver out) throws InterruptedException {
      GtLogParser parser = new GtLogParser(query.source(), query.label() + "/" + Instant.ofEpochMilli(page.getKey()));
      try {
        fetch(page.getKey(), page.getValue()).replay(parser);
      } catch (IOException e) {
        parser.fileFailed(FETCH_FAILED, e.getMessage());
      }
      parser.finish().forEach((key, count) -> out.get(ReadGtLogs.STATS).output(KV.of(key, count)));
      parser.records().forEach(out.get(ReadGtLogs.RECORDS)::output);
      parser.deadLetters().forEach(out.get(ReadGtLogs.DEAD_LETTERS)::output);
    }

    private Lines fetch(long from, long to) throws IOException, InterruptedException {
      Lines lines = get(query.uri(from, to));
      if (lines.count() <= query.pageLimit()) {
        return lines;
      }
      if (to - from <= 1000) {
        throw new IOException(
            "more than " + query.pageLimit() + " log lines within a second at " + Instant.ofEpochMilli(from)
                + ": narrow the query (--victoriaLogsQuery)");
      }
      long middle = from + (to - from) / 2;
      Lines both = fetch(from, middle);
      both.addAll(fetch(middle, to));
      return both;
    }

    /** The answer's lines; a server error or a failed connection is tried again, a refused query is not. */
    private Lines get(URI uri) throws IOException, InterruptedException {
      HttpRequest.Builder builder =
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(query.timeoutSeconds())).header("Accept", "application/json");
      if (!query.userInfo().isEmpty()) {
        builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(query.userInfo().getBytes(StandardCharsets.UTF_8)));
      }
      HttpRequest request = builder.GET().build();
      IOException last = null;
      for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
          try (InputStream body = response.body()) {
            if (response.statusCode() == 200) {
              Lines lines = new Lines();
              LineReader.read(body, lines);
              return lines;
            }
            String answer = new String(body.readNBytes(300), StandardCharsets.UTF_8).strip();
            String failure = "GET " + where(uri) + ": HTTP " + response.statusCode() + (answer.isEmpty() ? "" : ": " + answer);
            if (response.statusCode() < 500) {
              throw new Refused(failure);
            }
            last = new IOException(failure);
          }
        } catch (Refused refused) {
          throw refused;
        } catch (HttpTimeoutException e) {
          last = new IOException("GET " + where(uri) + ": no answer within " + query.timeoutSeconds() + " s", e);
        } catch (IOException e) {
          last = new IOException("GET " + where(uri) + ": " + e, e);
        }
        if (attempt < ATTEMPTS) {
          Thread.sleep(500L << (attempt - 1));
        }
      }
      throw new IOException(last.getMessage() + " (" + ATTEMPTS + " attempts)", last);
    }

    /** The server would not take the query: asking again does not help. */
    private static final class Refused extends IOException {
      Refused(String message) {
        super(message);
      }
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
