package dev.gttrainset.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
    new TownGenerator(out, seed, gzip).generate(megabytes * TownGenerator.MEGABYTE, sessions);
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
    long broken = 0;
    long transcripts = 0;
    for (Map.Entry<String, byte[]> file : contents(town).entrySet()) {
      if (file.getKey().equals("town.json")) {
        continue;
      }
      transcripts += file.getKey().startsWith("claude/") ? 1 : 0;
      for (String line : new String(file.getValue(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (file.getKey().startsWith("otel/")) {
          telemetry++;
        } else {
          lines++;
        }
        broken += isJsonObject(line) ? 0 : 1;
      }
    }
    assertEquals(manifest.get("lines"), lines);
    assertEquals(manifest.get("telemetry_lines"), telemetry);
    assertTrue(telemetry > 0);
    assertEquals((long) manifest.get("broken_transcript_lines") + (long) manifest.get("broken_log_lines"), broken);
    assertEquals(manifest.get("transcript_files"), transcripts);
    assertTrue((long) manifest.get("transcript_bytes") >= 4 * TownGenerator.MEGABYTE);
    assertTrue((long) manifest.get("planted_secrets") > 0);
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
