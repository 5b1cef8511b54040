package dev.gttrainset.pipeline;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real VictoriaMetrics (Debian's {@code victoria-metrics} package, which {@code .ci/run}
 * installs) on a loopback port of its own, with a data folder of its own that is removed when it
 * stops. Unlike the stand-in server, it keeps one series per label set, as a town's server does.
 */
final class VictoriaMetricsServer implements AutoCloseable {
  static final Path BINARY = Paths.get(System.getenv().getOrDefault("VICTORIA_METRICS_BIN", "/usr/bin/victoria-metrics"));

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Path data;
  private final Process process;
  private final int port;

  private VictoriaMetricsServer(Path data, Process process, int port) {
    this.data = data;
    this.process = process;
    this.port = port;
  }

  static VictoriaMetricsServer start() throws IOException, InterruptedException {
    if (!Files.isExecutable(BINARY)) {
      throw new IllegalStateException(
          BINARY + " is missing: install Debian's victoria-metrics (apt-get install victoria-metrics), as .ci/run does");
    }
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path data = Files.createTempDirectory("victoria-metrics-");
    Process process =
        new ProcessBuilder(
                BINARY.toString(),
                "-storageDataPath=" + data.resolve("storage"),
                "-httpListenAddr=127.0.0.1:" + port,
                // Generated towns lie months in the past; the default retention of a month would drop them.
                "-retentionPeriod=100y")
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("victoria-metrics.log").toFile())
            .start();
    VictoriaMetricsServer server = new VictoriaMetricsServer(data, process, port);
    for (int attempt = 0; attempt < 100; attempt++) {
      try {
        if (server.get("/health").equals("OK")) {
          return server;
        }
      } catch (IOException notYet) {
        // Still starting.
      }
      Thread.sleep(100);
    }
    server.close();
    throw new IllegalStateException("victoria-metrics did not answer /health on port " + port);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  /**
   * Imports an export file ({@code /api/v1/import} reads what {@code /api/v1/export} writes) and
   * waits until every sample of it can be searched: the server makes new series searchable a
   * moment after it took them.
   */
  void importSeries(Path exportFile, String from, String to) throws IOException, InterruptedException {
    HttpResponse<String> imported =
        http.send(
            HttpRequest.newBuilder(URI.create(url() + "/api/v1/import")).POST(HttpRequest.BodyPublishers.ofFile(exportFile)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (imported.statusCode() / 100 != 2) {
      throw new IOException("import answered " + imported.statusCode() + ": " + imported.body());
    }
    get("/internal/force_flush");
    long samples = samples(Files.readString(exportFile));
    for (int attempt = 0; attempt < 300; attempt++) {
      if (samples(export("{__name__!=\"\"}", from, to)) == samples) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("victoria-metrics did not show all " + samples + " samples of " + exportFile);
  }

  /** How many samples export lines hold. */
  private static long samples(String exportLines) throws IOException {
    long samples = 0;
    for (String line : exportLines.split("\n")) {
      if (!line.isBlank()) {
        samples += dev.gttrainset.parse.Json.MAPPER.readTree(line).path("timestamps").size();
      }
    }
    return samples;
  }

  /** The server's own export of every series in a range, one line a series. */
  String export(String match, String start, String end) throws IOException, InterruptedException {
    return get("/api/v1/export?match%5B%5D=" + java.net.URLEncoder.encode(match, java.nio.charset.StandardCharsets.UTF_8)
        + "&start=" + start + "&end=" + end);
  }

  private String get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString())
        .body()
        .strip();
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    try (Stream<Path> files = Files.walk(data)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
