package dev.gttrainset.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.gate.LeakCheck;
import dev.gttrainset.parse.Json;
import dev.gttrainset.scrub.Places;
import dev.gttrainset.scrub.SampleScrubber;
import dev.gttrainset.scrub.Scrubber;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scrubber and the leak gate measured against a corpus of cases from outside, such as other
 * secret scanners' own test suites: each case planted in the four places a session holds text.
 * One JSON object a line: {@code kind} ({@code tp}: holds secrets; {@code benign}: must come out
 * unchanged), {@code text}, and for a {@code tp} its {@code secrets}, or a {@code secretRegex}
 * (with {@code secretGroup}) whose matches are the secrets; {@code source} groups the figures.
 * Run with {@code runners/bench/scrub-suites.sh <cases.jsonl>}.
 */
public final class ScrubSuites {
  private ScrubSuites() {}

  public static void main(String[] args) throws IOException {
    Path cases = Paths.get(args[0]);
    SampleScrubber scrubber = new SampleScrubber(Scrubber.withDefaultRules());
    LeakCheck ownEyeOnly = new LeakCheck(new Scrubber(List.of()));
    Map<String, long[]> bySource = new TreeMap<>();
    List<String> examples = new ArrayList<>();
    for (String line : Files.readAllLines(cases)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode c = Json.MAPPER.readTree(line);
      String kind = c.path("kind").asText();
      String text = c.path("text").asText();
      List<String> secrets = secrets(c, text);
      if (kind.equals("tp") && secrets.isEmpty()) {
        continue;
      }
      long[] counts = bySource.computeIfAbsent(c.path("source").asText("cases") + " " + kind, k -> new long[3]);
      List<String> out = Places.scrubbed(scrubber, text);
      for (int place = 0; place < out.size(); place++) {
        counts[0]++;
        boolean wrong = kind.equals("tp") ? secrets.stream().anyMatch(out.get(place)::contains) : !out.get(place).equals(text);
        if (wrong) {
          counts[1]++;
          if (examples.size() < Integer.getInteger("examples", 20)) {
            examples.add(kind + " in the " + Places.NAMES.get(place) + ": " + text.replace("\n", "\\n"));
          }
        }
      }
      String record = Json.compact(Json.MAPPER.createObjectNode().put("content", text));
      if (!ownEyeOnly.inRecord(record).isEmpty()) {
        counts[2]++;
      }
    }
    System.out.println("source and kind                     places  wrong     rate   gate's own detector flags (cases)");
    bySource.forEach(
        (key, n) ->
            System.out.printf(
                Locale.ROOT, "%-34s %7d %6d %7.2f%%   %d of %d%n", key, n[0], n[1], 100.0 * n[1] / n[0], n[2], n[0] / 4));
    System.out.println("wrong: a secret left in a place (tp), a benign string changed in a place (benign). Examples:");
    examples.forEach(e -> System.out.println("  " + (e.length() > 200 ? e.substring(0, 200) + "..." : e)));
  }

  private static List<String> secrets(JsonNode c, String text) {
    List<String> secrets = new ArrayList<>();
    c.path("secrets").forEach(s -> secrets.add(s.asText()));
    if (secrets.isEmpty() && c.hasNonNull("secretRegex")) {
      Matcher m = Pattern.compile(c.get("secretRegex").asText().replace("(?P<", "(?<")).matcher(text);
      int group = c.path("secretGroup").asInt(0);
      while (m.find()) {
        int g = group > 0 ? group : m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
        if (m.group(g) != null && m.group(g).length() >= 4) {
          secrets.add(m.group(g));
        }
      }
    }
    return secrets;
  }
}
