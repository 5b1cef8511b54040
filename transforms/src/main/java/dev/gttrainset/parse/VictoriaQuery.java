package dev.gttrainset.parse;

import com.google.auto.value.AutoValue;
import dev.gttrainset.model.GtRecord;
import java.io.Serializable;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.values.KV;

/**
 * A live query of a VictoriaLogs or VictoriaMetrics server, for a bounded time range. Logs are
 * asked for in pages: windows of {@link #pageMillis} (start inclusive, end exclusive), each
 * answering at most {@link #pageLimit} lines, a window with more split in halves. Metric series
 * come in one export of the whole range: a counter is read as the increases between its samples,
 * and a series cut in pages would count each page's first sample again, from zero.
 */
@AutoValue
public abstract class VictoriaQuery implements Serializable {
  public static final long HOUR = 3_600_000L;

  /** {@link GtRecord#OTEL_LOGS} or {@link GtRecord#METRICS}. */
  public abstract String source();

  /** The server, e.g. {@code http://localhost:9428}, without credentials or a trailing slash. */
  public abstract String baseUrl();

  /** {@code user:password} from the URL, sent as basic authentication, never printed; or "". */
  abstract String userInfo();

  /** A LogsQL query, or a series selector for {@code match[]}. */
  public abstract String query();

  public abstract long startMillis();

  public abstract long endMillis();

  public abstract long pageMillis();

  public abstract int pageLimit();

  /** For connecting, and for each whole answer: an hour's page of logs, or the one export of series. */
  public abstract int timeoutSeconds();

  public static VictoriaQuery logs(String baseUrl, String logsQl, long startMillis, long endMillis) {
    return create(GtRecord.OTEL_LOGS, baseUrl, logsQl, startMillis, endMillis, HOUR, 10_000, 60);
  }

  public static VictoriaQuery metrics(String baseUrl, String selector, long startMillis, long endMillis) {
    return create(GtRecord.METRICS, baseUrl, selector, startMillis, endMillis, endMillis - startMillis, Integer.MAX_VALUE, 300);
  }

  static VictoriaQuery create(
      String source, String baseUrl, String query, long start, long end, long pageMillis, int pageLimit, int timeoutSeconds) {
    if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
      throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
    }
    if (start >= end) {
      throw new IllegalArgumentException("the time range is empty: " + Instant.ofEpochMilli(start) + " to " + Instant.ofEpochMilli(end));
    }
    // The credentials end at the authority's last '@': a password may hold one unescaped.
    String scheme = baseUrl.substring(0, baseUrl.indexOf("://") + 3);
    String rest = baseUrl.substring(scheme.length());
    int pathStart = rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/');
    String authority = rest.substring(0, pathStart);
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? "" : URLDecoder.decode(authority.substring(0, at).replace("+", "%2B"), StandardCharsets.UTF_8);
    String base = scheme + authority.substring(at + 1) + rest.substring(pathStart);
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    URI uri;
    try {
      uri = new URI(base);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + base, e);
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("no host in " + base);
    }
    return new AutoValue_VictoriaQuery(source, base, userInfo, query, start, end, pageMillis, pageLimit, timeoutSeconds);
  }

  /** The same query in pages of another size: for tests, and towns whose logs are dense. */
  public VictoriaQuery withPages(long pageMillis, int pageLimit) {
    return new AutoValue_VictoriaQuery(
        source(), baseUrl(), userInfo(), query(), startMillis(), endMillis(), pageMillis, pageLimit, timeoutSeconds());
  }

  /** The same query with another timeout: for tests, and slow servers. */
  public VictoriaQuery withTimeout(int seconds) {
    return new AutoValue_VictoriaQuery(
        source(), baseUrl(), userInfo(), query(), startMillis(), endMillis(), pageMillis(), pageLimit(), seconds);
  }

  public boolean paged() {
    return source().equals(GtRecord.OTEL_LOGS);
  }

  /** Short name for steps and dead letters. */
  public String label() {
    return paged() ? "victorialogs" : "victoriametrics";
  }

  /** The windows to ask for, start inclusive and end exclusive, in order. */
  public List<KV<Long, Long>> pages() {
    List<KV<Long, Long>> pages = new ArrayList<>();
    for (long from = startMillis(); from < endMillis(); from += pageMillis()) {
      pages.add(KV.of(from, Math.min(endMillis(), from + pageMillis())));
    }
    return pages;
  }

  /** Both servers read {@code end} as inclusive, to the nanosecond: ask up to just before it. */
  URI uri(long from, long to) {
    String start = Instant.ofEpochMilli(from).toString();
    String end = Instant.ofEpochMilli(to).minusNanos(1).toString();
    if (paged()) {
      return URI.create(baseUrl() + "/select/logsql/query?query=" + encode(query()) + "&start=" + encode(start)
          + "&end=" + encode(end) + "&limit=" + ((long) pageLimit() + 1));
    }
    return URI.create(baseUrl() + "/api/v1/export?match%5B%5D=" + encode(query()) + "&start=" + encode(start)
        + "&end=" + encode(end));
  }

  /** Where it reads from, for the report: the server and the range. */
  public String describe() {
    return (paged() ? baseUrl() + "/select/logsql/query" : baseUrl() + "/api/v1/export") + " from "
        + Instant.ofEpochMilli(startMillis()) + " to " + Instant.ofEpochMilli(endMillis());
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
