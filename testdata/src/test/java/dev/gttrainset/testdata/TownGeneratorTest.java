package dev.gttrainset.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TownGeneratorTest {
  private static final JsonFactory JSON = new JsonFactory();

  @TempDir Path work;

  private Path town(String name, long seed, long megabytes, int sessions, boolean gzip) throws IOException {
    Path out = work.resolve(name);
    new TownGenerator(out, seed, gzip, Era.MAY_2026).generate(megabytes * TownGenerator.MEGABYTE, sessions);
    return out;
  }

  /** Every file under a folder, by relative path, with its bytes (gzip files decompressed). */
  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path file : all.filter(Files::isRegularFile).collect(Collectors.toList())) {
        String name = root.relativize(file).toString();
        if (name.endsWith(".gz")) {
          try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            files.put(name.substring(0, name.length() - 3), in.readAllBytes());
          }
        } else {
          files.put(name, Files.readAllBytes(file));
        }
      }
    }
    return files;
  }

  @Test
  void theSameSeedWritesTheSameBytesAndAnotherSeedAnotherTown() throws IOException {
    Map<String, byte[]> first = contents(town("a", 7, 3, 0, false));
    Map<String, byte[]> again = contents(town("b", 7, 3, 0, false));
    assertEquals(first.keySet(), again.keySet());
    first.forEach((name, bytes) -> assertArrayEquals(bytes, again.get(name), name));
    assertNotEquals(first.keySet(), contents(town("c", 8, 3, 0, false)).keySet());
  }

  @Test
  void gzipTownsHoldTheSameTranscripts() throws IOException {
    Map<String, byte[]> plain = contents(town("plain", 3, 2, 0, false));
    Map<String, byte[]> zipped = contents(town("zipped", 3, 2, 0, true));
    assertEquals(plain.keySet(), zipped.keySet());
    plain.forEach((name, bytes) -> assertArrayEquals(bytes, zipped.get(name), name));
  }

  @Test
  void theManifestCountsWhatWasWrittenAndEveryLineIsJsonButTheBrokenOnes() throws IOException {
    Path town = town("counted", 11, 4, 0, false);
    Map<String, Object> manifest = manifest(town);
    long lines = 0;
    long telemetry = 0;
    long exports = 0;
    long broken = 0;
    long transcripts = 0;
    for (Map.Entry<String, byte[]> file : contents(town).entrySet()) {
      // The manifest, the truth about the sessions and the rigs' registry are not logs a run reads line by line.
      if (List.of("town.json", "truth.jsonl", "town/mayor/rigs.json").contains(file.getKey()) || file.getValue().length == 0) {
        continue;
      }
      transcripts += file.getKey().startsWith("claude/") ? 1 : 0;
      for (String line : new String(file.getValue(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (file.getKey().startsWith("otel/")) {
          telemetry++;
        } else if (file.getKey().startsWith("beads/")) {
          exports++;
        } else {
          lines++;
        }
        broken += isJsonObject(line) ? 0 : 1;
      }
    }
    assertEquals(manifest.get("lines"), lines);
    assertEquals(manifest.get("telemetry_lines"), telemetry);
    assertEquals(manifest.get("beads_export_lines"), exports);
    assertTrue(telemetry > 0);
    assertEquals((long) manifest.get("broken_transcript_lines") + (long) manifest.get("broken_log_lines"), broken);
    assertEquals(manifest.get("transcript_files"), transcripts);
    assertTrue((long) manifest.get("transcript_bytes") >= 4 * TownGenerator.MEGABYTE);
    assertTrue((long) manifest.get("planted_secrets") > 0);
  }

  @Test
  void eachEraWritesGasTownsFormatsOfItsTime() throws IOException {
    Path today = work.resolve("today");
    new TownGenerator(today, 5, false, Era.MAY_2026, new RoleQuota(Map.of(Role.POLECAT, 0.3))).generate(0, 150);
    Path february = work.resolve("february");
    new TownGenerator(february, 5, false, Era.FEBRUARY_2026, new RoleQuota(Map.of(Role.POLECAT, 0.3))).generate(0, 150);

    assertTrue(Files.readString(today.resolve("town/mayor/rigs.json")).contains("\"prefix\" : \"gt\""));
    assertFalse(Files.exists(february.resolve("town/mayor/rigs.json")));
    assertEquals(0, Files.size(today.resolve("town/.beads/issues.jsonl")), "Dolt keeps today's beads");
    assertTrue(Files.size(today.resolve("beads/hq.jsonl")) > 0, "the town's mail, as bd export --all writes it");
    String costsToday = Files.readString(today.resolve("gt/costs.jsonl"));
    String costsThen = Files.readString(february.resolve("gt/costs.jsonl"));
    assertTrue(costsToday.contains("\"session_id\":\"gt-witness\"") || costsToday.contains("\"session_id\":\"bd-witness\""));
    assertTrue(costsToday.contains("\"session_id\":\"hq-dog-"));
    assertTrue(costsToday.contains("\"session_id\":\"hq-boot\",\"role\":\"boot\""));
    assertTrue(costsThen.contains("\"session_id\":\"hq-boot\",\"role\":\"deacon\""));
    assertTrue(costsThen.matches("(?s).*\"session_id\":\"gt-(gastown|beads|wyvern)-.*"));
    String eventsToday = Files.readString(today.resolve("town/.events.jsonl"));
    String eventsThen = Files.readString(february.resolve("town/.events.jsonl"));
    assertFalse(eventsToday.contains("\"type\":\"merged\""), "no emitter since February 2026");
    assertTrue(eventsThen.contains("\"type\":\"merged\""));
    assertFalse(eventsToday.contains("\"type\":\"session_end\""), "never emitted by Gas Town");
    List<String> truth = Files.readAllLines(today.resolve("truth.jsonl"));
    assertEquals(150, truth.size());
    assertTrue(truth.stream().anyMatch(line -> line.contains("\"verdict\":\"merged\"")));
  }

  @Test
  void oneSessionOfTheGivenSizeIsOneFileOfThatSize() throws IOException {
    Path town = town("single", 5, 3, 1, false);
    try (Stream<Path> files = Files.walk(town.resolve("claude/projects"))) {
      List<Path> transcripts = files.filter(Files::isRegularFile).collect(Collectors.toList());
      assertEquals(1, transcripts.size());
      assertTrue(Files.size(transcripts.get(0)) >= 3 * TownGenerator.MEGABYTE, transcripts.toString());
    }
  }

  @Test
  void rolesAreDealtInTheirSharesAtEverySize() {
    RoleQuota quota = new RoleQuota();
    Map<Role, Integer> dealt = new EnumMap<>(Role.class);
    double total = Stream.of(Role.values()).mapToDouble(Role::sessionWeight).sum();
    for (int n = 1; n <= 1000; n++) {
      dealt.merge(quota.next(), 1, Integer::sum);
      for (Role role : Role.values()) {
        double expected = n * role.sessionWeight() / total;
        assertTrue(Math.abs(dealt.getOrDefault(role, 0) - expected) < 1.0, role + " after " + n + ": " + dealt);
      }
    }
  }

  private static boolean isJsonObject(String line) {
    try (JsonParser parser = JSON.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static Map<String, Object> manifest(Path town) throws IOException {
    Map<String, Object> fields = new TreeMap<>();
    try (JsonParser parser = JSON.createParser(town.resolve("town.json").toFile())) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.getCurrentName();
        if (parser.nextToken() == JsonToken.VALUE_NUMBER_INT) {
          fields.put(name, parser.getLongValue());
        } else {
          parser.skipChildren();
        }
      }
    }
    return fields;
  }
}
