package dev.gttrainset.runners;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shaded jar on Flink gives the DirectRunner's bytes: submitted with our scripts to a real
 * standalone cluster started from Maven Central jars, and on embedded Flink with parallelism 1 and
 * 2 (also on a generated town with near-duplicates, outcome scores and balance), and on a cluster
 * that loses a TaskManager mid-job. The cluster is stopped even when the test
 * fails.
 */
class FlinkClusterIT {
  private static final Path ROOT = Paths.get(System.getProperty("gt.root", "..")).toAbsolutePath().normalize();
  private static final Path JAR = ROOT.resolve("runners/target/gt-trainset.jar");
  private static final Path CLUSTER = ROOT.resolve("runners/flink/cluster.sh");
  private static final Path SUBMIT = ROOT.resolve("runners/flink/submit.sh");
  private static final String REST = "http://127.0.0.1:" + System.getProperty("flink.rest.port", "8081");
  private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

  @TempDir static Path work;
  static Path direct;

  @BeforeAll
  static void runOnTheDirectRunner() throws Exception {
    direct = work.resolve("direct");
    assertEquals(0, run("direct", jobCommand(List.of("java", "-jar", JAR.toString()), direct)));
  }

  @Test
  void aStandaloneClusterFinishesTheJobWithTheSameBytes() throws Exception {
    Path output = work.resolve("cluster");
    String jobName = "gt-trainset-it-" + System.nanoTime();
    long start = System.nanoTime();
    try {
      assertEquals(0, run("cluster-start", List.of("bash", CLUSTER.toString(), "start")), "the cluster starts");
      long started = System.nanoTime();
      List<String> submit = new ArrayList<>(List.of("bash", SUBMIT.toString(), "--jobName=" + jobName));
      assertEquals(0, run("submit", jobCommand(submit, output)), "the job succeeds");
      assertEquals("FINISHED", job(jobName).path("state").asText(), "the REST API reports the job FINISHED");
      assertSameFiles(direct, output);
      System.out.printf(
          "flink cluster: start %.1f s, submit to finish %.1f s%n",
          (started - start) / 1e9, (System.nanoTime() - started) / 1e9);
    } finally {
      run("cluster-stop", List.of("bash", CLUSTER.toString(), "stop"));
      System.out.printf("flink cluster test: %.1f s in all%n", (System.nanoTime() - start) / 1e9);
    }
  }

  @Test
  void theJobSurvivesATaskManagerKilledMidJobWithTheSameBytes() throws Exception {
    // Three one-slot TaskManagers for a job of parallelism 2: after one dies, two remain for the restart.
    Map<String, String> cluster =
        Map.of("FLINK_TASKMANAGERS", "3", "FLINK_TM_SLOTS", "1", "FLINK_TM_MEMORY", "3072m");
    Path output = work.resolve("fault");
    String jobName = "gt-trainset-fault-" + System.nanoTime();
    try {
      assertEquals(0, run("fault-cluster-start", List.of("bash", CLUSTER.toString(), "start"), cluster), "the cluster starts");
      List<String> submit = new ArrayList<>(List.of("bash", SUBMIT.toString(), "--jobName=" + jobName));
      Process job = start("fault-submit", jobCommand(submit, output), Map.of());

      String victim = busyTaskManager(jobName, job);
      Path pidFile = ROOT.resolve("runners/flink/target/pids/taskmanager-" + victim.substring("tm-".length()) + ".pid");
      long pid = Long.parseLong(Files.readString(pidFile).trim());
      ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(victim + " is not running")).destroyForcibly();
      long killed = System.nanoTime();
      System.out.printf("flink fault: killed TaskManager %s (pid %d) while %s ran on it%n", victim, pid, jobName);

      assertEquals(0, finish("fault-submit", job), "the job succeeds after the TaskManager is lost");
      assertEquals("FINISHED", job(jobName).path("state").asText(), "the REST API reports the job FINISHED");
      JsonNode failures = get("/jobs/" + job(jobName).path("jid").asText() + "/exceptions").path("exceptionHistory").path("entries");
      assertTrue(failures.size() > 0, "the lost TaskManager failed an attempt that the restart strategy retried");
      assertSameFiles(direct, output);
      System.out.printf(
          "flink fault: first failure %s; finished %.1f s after the kill%n",
          failures.get(0).path("exceptionName").asText(), (System.nanoTime() - killed) / 1e9);
    } finally {
      run("fault-cluster-stop", List.of("bash", CLUSTER.toString(), "stop"), Map.of());
    }
  }

  @ParameterizedTest(name = "parallelism {0}")
  @ValueSource(ints = {1, 2})
  void embeddedFlinkGivesTheSameBytes(int parallelism) throws Exception {
    Path output = work.resolve("local-" + parallelism);
    List<String> java =
        List.of(
            "java", "-jar", JAR.toString(), "--runner=FlinkRunner", "--flinkMaster=[local]",
            "--parallelism=" + parallelism);
    long start = System.nanoTime();
    assertEquals(0, run("local-" + parallelism, jobCommand(java, output)));
    assertSameFiles(direct, output);
    System.out.printf("embedded flink, parallelism %d: %.1f s%n", parallelism, (System.nanoTime() - start) / 1e9);
  }

  @Test
  void aGeneratedTownsNearDuplicatesScoresAndBalanceAreTheSameOnFlink() throws Exception {
    Path town = work.resolve("town");
    assertEquals(0, run("generate", List.of(
        "java", "-cp", JAR.toString(), "dev.gttrainset.testdata.TownGenerator", "--out=" + town, "--megabytes=10")));
    List<String> options = List.of(
        "--sessions=" + town.resolve("claude/projects"), "--town=" + town.resolve("town"), "--gtHome=" + town.resolve("gt"),
        "--otelLogs=" + town.resolve("otel/victorialogs.jsonl"), "--metricsExport=" + town.resolve("otel/victoriametrics.jsonl"),
        "--balance=oversample", "--balanceTargets=polecat=0.1,boot=0.05");
    List<String> onDirect = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
    onDirect.addAll(options);
    onDirect.add("--output=" + work.resolve("town-direct"));
    List<String> onFlink = new ArrayList<>(List.of(
        "java", "-jar", JAR.toString(), "--runner=FlinkRunner", "--flinkMaster=[local]", "--parallelism=2"));
    onFlink.addAll(options);
    onFlink.add("--output=" + work.resolve("town-flink"));
    assertEquals(0, run("town-direct", onDirect));
    assertEquals(0, run("town-flink", onFlink));
    JsonNode samples = new ObjectMapper().readTree(work.resolve("town-direct/stats.json").toFile()).path("samples");
    assertTrue(samples.path("near_duplicates").asLong() > 0 && samples.path("repeated").asLong() > 0, samples::toString);
    assertSameFiles(work.resolve("town-direct"), work.resolve("town-flink"));
  }

  /** Waits until a task of the job is running, then names the TaskManager it runs on. */
  private static String busyTaskManager(String jobName, Process job) throws Exception {
    long deadline = System.nanoTime() + JOB_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && job.isAlive()) {
      String jid = job(jobName).path("jid").asText();
      if (!jid.isEmpty()) {
        for (JsonNode vertex : get("/jobs/" + jid).path("vertices")) {
          if (vertex.path("status").asText().equals("RUNNING")) {
            String path = "/jobs/" + jid + "/vertices/" + vertex.path("id").asText() + "/taskmanagers";
            for (JsonNode taskManager : get(path).path("taskmanagers")) {
              if (taskManager.path("status-counts").path("RUNNING").asInt() > 0) {
                return taskManager.path("taskmanager-id").asText();
              }
            }
          }
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no task of the job ever ran; submit log:\n" + Files.readString(work.resolve("fault-submit.log")));
  }

  private static List<String> jobCommand(List<String> launcher, Path output) {
    List<String> command = new ArrayList<>(launcher);
    command.add("--sessions=" + ROOT.resolve("testdata/claude/projects"));
    command.add("--town=" + ROOT.resolve("testdata/town"));
    command.add("--gtHome=" + ROOT.resolve("testdata/gt"));
    command.add("--output=" + output);
    return command;
  }

  /** Runs a command with its output in a log file beside the test's work; returns its exit code. */
  private static int run(String name, List<String> command) throws IOException, InterruptedException {
    return run(name, command, Map.of());
  }

  private static int run(String name, List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    return finish(name, start(name, command, environment));
  }

  private static Process start(String name, List<String> command, Map<String, String> environment) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile());
    builder.environment().putAll(environment);
    return builder.start();
  }

  private static int finish(String name, Process process) throws IOException, InterruptedException {
    Path log = work.resolve(name + ".log");
    if (!process.waitFor(JOB_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(name + " did not finish in " + JOB_TIMEOUT + "; log:\n" + Files.readString(log));
    }
    if (process.exitValue() != 0) {
      System.out.println(name + " exited " + process.exitValue() + "; log:\n" + Files.readString(log));
    }
    return process.exitValue();
  }

  /** The job's entry in {@code /jobs/overview}, or a missing node. */
  private static JsonNode job(String jobName) throws IOException, InterruptedException {
    for (JsonNode job : get("/jobs/overview").path("jobs")) {
      if (job.path("name").asText().equals(jobName)) {
        return job;
      }
    }
    return MissingNode.getInstance();
  }

  private static JsonNode get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(REST + path)).build(), HttpResponse.BodyHandlers.ofString());
    return new ObjectMapper().readTree(response.body());
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    Map<String, byte[]> want = files(expected);
    Map<String, byte[]> got = files(actual);
    assertEquals(want.keySet(), got.keySet());
    assertTrue(want.containsKey("_SUCCESS") && want.containsKey("stats.json"), want.keySet().toString());
    for (String name : want.keySet()) {
      assertArrayEquals(want.get(name), got.get(name), name);
    }
  }

  private static Map<String, byte[]> files(Path folder) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path file : all.filter(Files::isRegularFile).collect(Collectors.toList())) {
        files.put(folder.relativize(file).toString(), Files.readAllBytes(file));
      }
    }
    return files;
  }
}
