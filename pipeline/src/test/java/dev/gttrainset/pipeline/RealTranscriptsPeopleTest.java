package dev.gttrainset.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.parse.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job on real transcripts of other people ({@code ../shared/testdata/claude-public} and {@code
 * claude-entire}) publishes, and no login or full name of theirs reaches any output: the logins of
 * their home folders, and the names their git logs and trackers print, are read off the inputs
 * here with patterns of this test's own.
 */
class RealTranscriptsPeopleTest {
  private static final Path SHARED = Paths.get("..", "..", "shared", "testdata").toAbsolutePath().normalize();
  private static final Pattern HOME = Pattern.compile("\"cwd\":\"/(?:home|Users)/([^/\"]+)");
  private static final Pattern NAMED = Pattern.compile("(?:Author|Owner): ([A-Z][a-z]+ [A-Z][a-z]+)");

  @TempDir Path work;

  @ParameterizedTest
  @ValueSource(strings = {"claude-public", "claude-entire"})
  void publishesWithNoLoginOrFullNameOfItsUsers(String corpus) throws IOException {
    Path input = SHARED.resolve(corpus);
    assertTrue(Files.isDirectory(input), "CI puts ../shared beside the clone; missing: " + input);
    Set<String> logins = new TreeSet<>();
    Set<String> names = new TreeSet<>();
    try (Stream<Path> files = Files.walk(input)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).collect(Collectors.toList())) {
        String text = Files.readString(file);
        Matcher home = HOME.matcher(text);
        while (home.find()) {
          // Upstream already wrote some as USER: a placeholder, not a login.
          if (!home.group(1).equals("USER")) {
            logins.add(home.group(1));
          }
        }
        Matcher named = NAMED.matcher(text.replace("\\n", "\n"));
        while (named.find()) {
          names.add(named.group(1));
        }
      }
    }
    names.remove("Claude Code");
    assertTrue(!logins.isEmpty(), "the corpus names its users");

    JobRun run = JobRun.of(work.resolve("out"), "--sessions=" + input, "--town=" + work.resolve("t"), "--gtHome=" + work.resolve("g"));
    assertEquals(Main.EXIT_OK, run.exitCode, run::toString);
    assertTrue(Files.exists(run.output.resolve("_SUCCESS")));
    assertTrue(run.stats().at("/samples/written").asLong() > 0, run.stats().get("samples").toString());

    Map<String, String> found = new TreeMap<>();
    for (Map.Entry<String, byte[]> file : run.files().entrySet()) {
      String content = new String(file.getValue(), StandardCharsets.UTF_8);
      for (String login : logins) {
        String capitalised = Character.toUpperCase(login.charAt(0)) + login.substring(1);
        for (String form : List.of(login, capitalised)) {
          if (Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(form) + "(?![\\p{L}\\p{N}])").matcher(content).find()) {
            found.put(file.getKey() + " login", form);
          }
        }
      }
      for (String name : names) {
        if (Pattern.compile(Pattern.quote(name), Pattern.CASE_INSENSITIVE).matcher(content).find()) {
          found.put(file.getKey() + " name", name);
        }
      }
    }
    System.out.printf("%s: %d logins and %d full names in the input: %s, %s%n", corpus, logins.size(), names.size(), logins, names);
    assertEquals(Map.of(), found);
    JsonNode redactions = run.stats().get("redactions");
    assertTrue(redactions.path("login").asLong() + redactions.path("home-dir").asLong() > 0, redactions.toString());
  }
}
