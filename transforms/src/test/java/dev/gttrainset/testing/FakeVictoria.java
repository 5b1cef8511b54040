package dev.gttrainset.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gttrainset.parse.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A VictoriaLogs and VictoriaMetrics of our own on loopback, answering as they do:
 * {@code /select/logsql/query} the log lines with {@code _time} from {@code start} to {@code end}
 * (both inclusive), at most {@code limit}; {@code /api/v1/export} every series. {@link #failWith}
 * makes every answer an error.
 */
public final class FakeVictoria implements AutoCloseable {
  private final HttpServer server;
  private final List<Map.Entry<Instant, String>> logs = new ArrayList<>();
  private final List<String> series;
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> matches = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private volatile int status = 200;
  private volatile long stallMillis;

  public FakeVictoria(List<String> logLines, List<String> seriesLines) {
    for (String line : logLines) {
      try {
        logs.add(Map.entry(Instant.parse(Json.MAPPER.readTree(line).path("_time").asText()), line));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    this.series = List.copyOf(seriesLines);
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/select/logsql/query", this::logsQuery);
    server.createContext("/api/v1/export", this::export);
    server.setExecutor(Executors.newCachedThreadPool());
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public int requests() {
    return requests.get();
  }

  /** The {@code match[]} of every export asked for. */
  public synchronized List<String> matches() {
    return List.copyOf(matches);
  }

  /** The {@code Authorization} header of every request, "" where there was none. */
  public synchronized List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  public void failWith(int httpStatus) {
    status = httpStatus;
  }

  /** Answers logs queries with their first line, then waits this long before the rest. */
  public void stallAfterTheFirstLine(long millis) {
    stallMillis = millis;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void logsQuery(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    synchronized (this) {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(authorization == null ? "" : authorization);
    }
    if (status != 200) {
      answer(exchange, status, "bad query: unexpected token");
      return;
    }
    Map<String, String> params = params(exchange);
    Instant start = Instant.parse(params.get("start"));
    Instant end = Instant.parse(params.get("end"));
    long limit = Long.parseLong(params.get("limit"));
    StringBuilder body = new StringBuilder();
    long lines = 0;
    for (Map.Entry<Instant, String> log : logs) {
      if (!log.getKey().isBefore(start) && !log.getKey().isAfter(end) && lines < limit) {
        body.append(log.getValue()).append('\n');
        lines++;
      }
    }
    if (stallMillis > 0) {
      stalled(exchange, body.toString());
      return;
    }
    answer(exchange, 200, body.toString());
  }

  private void stalled(HttpExchange exchange, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      int firstLine = body.indexOf('\n') + 1;
      out.write(bytes, 0, firstLine);
      out.flush();
      Thread.sleep(stallMillis);
      out.write(bytes, firstLine, bytes.length - firstLine);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException closedByTheClient) {
      // The client gave up waiting, as it should.
    }
  }

  private void export(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    synchronized (this) {
      matches.add(params(exchange).get("match[]"));
    }
    if (status != 200) {
      answer(exchange, status, "cannot parse match[]");
      return;
    }
    StringBuilder body = new StringBuilder();
    series.forEach(line -> body.append(line).append('\n'));
    answer(exchange, 200, body.toString());
  }

  private static Map<String, String> params(HttpExchange exchange) {
    Map<String, String> params = new TreeMap<>();
    for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
    }
    return params;
  }

  private static void answer(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
