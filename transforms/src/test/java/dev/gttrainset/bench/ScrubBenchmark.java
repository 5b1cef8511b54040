package dev.gttrainset.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import dev.gttrainset.scrub.AdversarialInputs;
import dev.gttrainset.scrub.Scrubber;
import dev.gttrainset.stats.Counters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Scrub throughput on real transcripts, as a ratio to the floor of reading the same lines at all
 * (Jackson parsing every line, measured in the same process), and the time of 5 MB hostile lines.
 * Run with {@code runners/bench/scrub-benchmark.sh [transcripts folder]}.
 */
public final class ScrubBenchmark {
  private static final int ROUNDS = 10;

  /** The corpus is read this many times over, so a round is long enough to time steadily. */
  private static final int COPIES = 4;

  private ScrubBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path folder = Paths.get(args.length > 0 ? args[0] : "../shared/testdata/claude-public");
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().collect(Collectors.toList())) {
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
      }
    }
    List<String> once = List.copyOf(lines);
    for (int copy = 1; copy < COPIES; copy++) {
      lines.addAll(once);
    }
    List<String> strings = new ArrayList<>();
    long bytes = 0;
    for (String line : lines) {
      bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
      try {
        collect(Json.MAPPER.readTree(line), strings);
      } catch (IOException notJson) {
        strings.add(line);
      }
    }
    Scrubber scrubber = Scrubber.withDefaultRules();
    double parse = best(() -> lines.forEach(ScrubBenchmark::parseQuietly));
    double scrub = best(() -> strings.forEach(s -> scrubber.scrub(s, new Counters())));
    double mb = bytes / 1e6;
    System.out.printf(Locale.ROOT, "corpus: %s, %,d lines, %.2f MB, %,d strings%n", folder, lines.size(), mb, strings.size());
    System.out.printf(Locale.ROOT, "reference (Jackson parse of every line): %8.1f MB/s%n", mb / parse);
    System.out.printf(Locale.ROOT, "scrub (every string, all %d rules):      %8.1f MB/s  = %.2f x the parse floor's time%n",
        countRules(), mb / scrub, scrub / parse);
    for (Map.Entry<String, String> input : AdversarialInputs.of(5 * 1024 * 1024).entrySet()) {
      long start = System.nanoTime();
      scrubber.scrub(input.getValue(), new Counters());
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT, "hostile 5 MB line %-22s %6.2f s  (%.1f MB/s)%n", input.getKey() + ":", seconds, 5.24 / seconds);
    }
  }

  private static int countRules() {
    return dev.gttrainset.scrub.ScrubRules.DEFAULT.size();
  }

  /** The best of a few rounds, in seconds, after one warm-up round. */
  private static double best(Runnable work) {
    work.run();
    double best = Double.MAX_VALUE;
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      work.run();
      best = Math.min(best, (System.nanoTime() - start) / 1e9);
    }
    return best;
  }

  private static void parseQuietly(String line) {
    try {
      Json.MAPPER.readTree(line);
    } catch (IOException notJson) {
      // counted as read all the same
    }
  }

  private static void collect(JsonNode node, List<String> strings) {
    if (node.isTextual()) {
      strings.add(node.asText());
    }
    node.forEach(child -> collect(child, strings));
  }
}
