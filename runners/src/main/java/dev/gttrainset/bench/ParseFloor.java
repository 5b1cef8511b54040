package dev.gttrainset.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The floor any pipeline over these transcripts pays: read every file, parse every line with
 * Jackson, hash it. No pipeline, no scrubbing, no output. The benchmark measures the job against it.
 *
 * <pre>java -cp gt-trainset.jar dev.gttrainset.bench.ParseFloor THREADS FOLDER</pre>
 *
 * Prints one JSON line: threads, files, lines, bytes (uncompressed), seconds.
 */
public final class ParseFloor {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ParseFloor() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    List<Path> files;
    try (Stream<Path> all = Files.walk(Paths.get(args[1]))) {
      files =
          all.filter(Files::isRegularFile)
              .filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".jsonl.gz"))
              .sorted()
              .collect(Collectors.toList());
    }
    ConcurrentLinkedQueue<Path> queue = new ConcurrentLinkedQueue<>(files);
    AtomicLong lines = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    long start = System.nanoTime();
    Thread[] workers = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      workers[i] = new Thread(() -> drain(queue, lines, bytes), "floor-" + i);
      workers[i].start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "{\"threads\":%d,\"files\":%d,\"lines\":%d,\"bytes\":%d,\"seconds\":%.3f}%n",
        threads, files.size(), lines.get(), bytes.get(), seconds);
  }

  private static void drain(ConcurrentLinkedQueue<Path> queue, AtomicLong lines, AtomicLong bytes) {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    long sink = 0;
    for (Path file = queue.poll(); file != null; file = queue.poll()) {
      try (InputStream raw = Files.newInputStream(file);
          InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
          BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          byte[] utf8 = line.getBytes(StandardCharsets.UTF_8);
          bytes.addAndGet(utf8.length + 1);
          lines.incrementAndGet();
          try {
            sink += MAPPER.readTree(line).size();
          } catch (IOException e) {
            sink--; // a broken line costs its parse attempt, as in the job
          }
          sink += sha256.digest(utf8)[0];
        }
      } catch (IOException e) {
        throw new UncheckedIOException(file.toString(), e);
      }
    }
    if (sink == Long.MIN_VALUE) {
      System.out.print(""); // keeps the work observable
    }
  }
}
