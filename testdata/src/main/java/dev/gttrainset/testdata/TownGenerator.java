package dev.gttrainset.testdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a Gas Town of a given size in the real formats, the same bytes for the same seed:
 * {@code claude/projects/} (transcripts, some with subagents), {@code town/} (the town root with
 * {@code .events.jsonl}, its agents' folders and its rigs' {@code .beads/issues.jsonl}), {@code
 * gt/} ({@code costs.jsonl}, {@code cmd-usage.jsonl}), {@code otel/} (OpenTelemetry logs and
 * metrics as VictoriaLogs and VictoriaMetrics export them), {@code beads/} ({@code bd export}
 * files, in towns of the current era), {@code town.json}, which says what was written, and {@code
 * truth.jsonl}, what each session really was: its role, its last cost line, the verdict on its work.
 *
 * <pre>
 * java -cp runners/target/gt-trainset.jar dev.gttrainset.testdata.TownGenerator \
 *     --out=/tmp/town-100mb --megabytes=100 [--sessions=N] [--seed=42] [--gzip] [--era=2026-05|2026-02] \
 *     [--sessionShares=polecat=0.25]
 * </pre>
 *
 * The era ({@link Era}) chooses Gas Town's formats: those of May 2026 (the default) or of February.
 * Each agent runs one session at a time, as in a real town: the next session of the mayor, or of
 * polecat toast, starts after the last one ended.
 *
 * With {@code --megabytes} alone, sessions of natural length are written until the transcripts
 * reach that size; with {@code --sessions} alone, that many; with both, that many sessions that
 * share the size (one session of 200 MB: {@code --sessions=1 --megabytes=200}).
 */
public final class TownGenerator {
  static final long MEGABYTE = 1_000_000L;
  private static final String BROKEN_LINE =
      "{\"parentUuid\":\"00000000-0000-4000-8000-000000000000\",\"isSidechain\":false,\"type\":\"assistant\",\"message\":{\"content\":[{\"type\":\"text\",\"text\":\"Checking the";

  private final Path out;
  private final boolean gzip;
  private final Era era;
  private final SplittableRandom random;
  private final Ids ids;
  private final GtLogs logs = new GtLogs();
  private final Scenes scenes;
  private final RoleQuota roles;
  private final Outcomes outcomes;
  private long telemetryLines;
  private long exportLines;
  private final Map<Role, Long> sessionsByRole = new EnumMap<>(Role.class);
  private final Map<Role, Long> exchangesByRole = new EnumMap<>(Role.class);
  private long files;
  private long bytes;
  private long lines;
  private long brokenLines;
  private Instant clock;
  private Instant lastEnd;
  /** When each agent (by its tmux session name) is free for its next session. */
  private final Map<String, Instant> busyUntil = new HashMap<>();
  private final List<String> truth = new ArrayList<>();

  TownGenerator(Path out, long seed, boolean gzip, Era era) {
    this(out, seed, gzip, era, new RoleQuota());
  }

  TownGenerator(Path out, long seed, boolean gzip, Era era, RoleQuota roles) {
    this.roles = roles;
    this.out = out;
    this.gzip = gzip;
    this.era = era;
    this.clock = era.start;
    this.lastEnd = era.start;
    this.random = new SplittableRandom(seed);
    this.ids = new Ids(random);
    Nudges nudges = new Nudges();
    this.scenes = new Scenes(random, ids, logs, nudges);
    this.outcomes = new Outcomes(seed, logs, era, nudges);
  }

  public static void main(String[] args) throws IOException {
    Map<String, String> options = Options.parse(args, List.of("out", "megabytes", "sessions", "seed", "gzip", "era", "sessionShares"));
    if (!options.containsKey("out") || !(options.containsKey("megabytes") || options.containsKey("sessions"))) {
      System.err.println("usage: TownGenerator --out=DIR (--megabytes=N | --sessions=N | both) [--seed=42] [--gzip] [--era=2026-05|2026-02] [--sessionShares=polecat=0.25]");
      System.exit(2);
    }
    long megabytes = Long.parseLong(options.getOrDefault("megabytes", "0"));
    int sessions = Integer.parseInt(options.getOrDefault("sessions", "0"));
    TownGenerator town =
        new TownGenerator(
            Paths.get(options.get("out")),
            Long.parseLong(options.getOrDefault("seed", "42")),
            options.containsKey("gzip"),
            Era.of(options.getOrDefault("era", Era.MAY_2026.id)),
            new RoleQuota(RoleQuota.parseShares(options.getOrDefault("sessionShares", ""))));
    long start = System.nanoTime();
    town.generate(megabytes * MEGABYTE, sessions);
    System.out.printf(
        Locale.ROOT,
        "town-generator: %,d sessions, %,d files, %,d lines, %.1f MB of transcripts in %s (%.1f s)%n",
        town.sessions(), town.files, town.lines, town.bytes / 1e6, town.out, (System.nanoTime() - start) / 1e9);
  }

  /**
   * @param size the transcripts' size in bytes, or 0 to let {@code sessions} decide
   * @param sessions how many sessions, or 0 to write until {@code size} is reached
   */
  void generate(long size, int sessions) throws IOException {
    Files.createDirectories(out);
    long share = sessions > 0 && size > 0 ? size / sessions : 0;
    for (int session = 0; sessions > 0 ? session < sessions : bytes < size; session++) {
      session(share);
    }
    lines += logs.write(out.resolve("town"), out.resolve("gt"), lastEnd);
    if (era.current()) {
      exportLines = logs.writeBeadsExports(out.resolve("town"), out.resolve("beads"));
    } else {
      lines += logs.writeBeads(out.resolve("town"));
    }
    telemetryLines = logs.writeTelemetry(out.resolve("otel"));
    if (era.current()) {
      writeRigsJson();
    }
    Files.write(out.resolve("truth.jsonl"), truth, StandardCharsets.UTF_8);
    writeManifest();
    if (lastEnd.isAfter(Instant.now())) {
      System.err.println("town-generator: this town's last sessions lie in the future; a run takes them for sessions"
          + " still being written unless it is given --settleMinutes=0");
    }
  }

  long sessions() {
    return sessionsByRole.values().stream().mapToLong(Long::longValue).sum();
  }

  /** One session: its transcript, perhaps a subagent's, its events and its cost. */
  private void session(long size) throws IOException {
    Agent agent = nextAgent();
    String sessionId = ids.uuid();
    Instant free = busyUntil.getOrDefault(agent.identity(), clock);
    Instant start = free.isAfter(clock) ? free : clock;
    clock = clock.plus(Duration.ofMinutes(2 + random.nextInt(40)));
    Path folder = out.resolve("claude/projects").resolve(agent.projectFolder());
    Path file = folder.resolve(sessionId + (gzip ? ".jsonl.gz" : ".jsonl"));
    // Boot is a dog that lives for one triage, patrols hand off after a few; the others work a while.
    int exchanges =
        agent.role() == Role.BOOT ? 1 : agent.patrols() || agent.role() == Role.DOG ? 1 + random.nextInt(3) : 4 + random.nextInt(17);
    int brokenAt = random.nextInt(30) == 0 ? random.nextInt(exchanges) : -1;
    double cost = 0;
    double lastCostLine = -1;
    Instant end;
    try (TranscriptWriter transcript = new TranscriptWriter(file, gzip, ids, sessionId, agent.cwd(), null, start)) {
      transcript.fileHistorySnapshot();
      if (agent.inGasTown()) {
        transcript.hookProgress("SessionStart", "gt prime --hook");
      }
      for (int i = 0; size > 0 ? i == 0 || transcript.bytes() < size : i < exchanges; i++) {
        scenes.exchange(transcript, agent, i == 0);
        exchangesByRole.merge(agent.role(), 1L, Long::sum);
        cost += 0.02 + random.nextDouble() * 0.4;
        if (agent.inGasTown()) {
          // The Stop hook's gt costs record: the session's cost so far, at the end of every turn.
          logs.cost(transcript.clock(), agent, cost);
          lastCostLine = cost;
        }
        if (i == brokenAt) {
          transcript.brokenLine(BROKEN_LINE);
          brokenLines++;
        }
        transcript.pause(Duration.ofMinutes(1 + random.nextInt(8)));
      }
      end = transcript.lastRecord();
      count(transcript);
    }
    Files.setLastModifiedTime(file, FileTime.from(end));
    busyUntil.put(agent.identity(), end.plus(Duration.ofMinutes(1)));
    lastEnd = end.isAfter(lastEnd) ? end : lastEnd;
    if ((agent.role() == Role.CREW || agent.role() == Role.POLECAT) && random.nextInt(7) == 0) {
      subagent(agent, sessionId, folder.resolve(sessionId).resolve("subagents"), start.plusSeconds(90));
    }
    if (agent.inGasTown()) {
      Files.createDirectories(out.resolve("town").resolve(Paths.get(Agent.TOWN).relativize(Paths.get(agent.cwd()))));
      // gt prime --hook writes session_start, but a dog's identity is "" and gets none.
      if (agent.role() != Role.DOG && random.nextInt(10) < 7) {
        logs.sessionStart(start, agent, sessionId);
      }
    }
    truth.add(truthLine(agent, sessionId, lastCostLine, outcomes.session(agent, sessionId, start, end)));
    sessionsByRole.merge(agent.role(), 1L, Long::sum);
  }

  /** A Task subagent: its own file beside the session's, the same session id, an agent id. */
  private void subagent(Agent agent, String sessionId, Path folder, Instant start) throws IOException {
    String agentId = ids.agentId();
    Path file = folder.resolve("agent-" + agentId + (gzip ? ".jsonl.gz" : ".jsonl"));
    try (TranscriptWriter transcript = new TranscriptWriter(file, gzip, ids, sessionId, agent.cwd(), agentId, start)) {
      scenes.exchange(transcript, new Agent(Role.CREW, agent.rig(), agent.name(), era), false);
      count(transcript);
    }
  }

  private void count(TranscriptWriter transcript) throws IOException {
    files++;
    bytes += transcript.bytes() + 1;
    lines += transcript.lines();
  }

  private Agent nextAgent() {
    Role role = roles.next();
    ToolOutputs pick = new ToolOutputs(random);
    switch (role) {
      case WITNESS:
      case REFINERY:
        return new Agent(role, pick.pick(ToolOutputs.RIGS), null, era);
      case CREW:
        return new Agent(role, pick.pick(ToolOutputs.RIGS), pick.pick(ToolOutputs.CREW), era);
      case POLECAT:
        return new Agent(role, pick.pick(ToolOutputs.RIGS), pick.pick(ToolOutputs.POLECATS), era);
      case DOG:
        return new Agent(role, null, pick.pick(List.of("alpha", "bravo", "charlie")), era);
      case UNKNOWN:
        return new Agent(role, null, pick.pick(List.of("blog", "dotfiles", "recipes")), era);
      default:
        return new Agent(role, null, null, era);
    }
  }

  /** What a session really was, for tests to hold the job's reading against. */
  private static String truthLine(Agent agent, String sessionId, double lastCostLine, Outcomes.Recorded recorded) {
    ObjectNode line = JsonNodeFactory.instance.objectNode();
    line.put("session_id", sessionId);
    line.put("role", agent.role().id());
    line.put("rig", agent.rig() == null ? "" : agent.rig());
    line.put("worker", agent.role() == Role.UNKNOWN || agent.name() == null ? "" : agent.name());
    line.put("gt_session", agent.inGasTown() ? agent.gtSession() : "");
    if (lastCostLine < 0) {
      line.putNull("cost_usd");
    } else {
      line.put("cost_usd", GtLogs.dollars(lastCostLine));
    }
    line.put("verdict", recorded.verdict());
    line.put("metric_cost_usd", recorded.metricCostUsd());
    line.put("metric_labels", recorded.metricLabels());
    return line.toString();
  }

  /** {@code <town>/mayor/rigs.json}: the rigs and their beads prefixes, which name their tmux sessions. */
  private void writeRigsJson() throws IOException {
    ObjectNode rigs = JsonNodeFactory.instance.objectNode();
    ObjectNode byName = rigs.put("version", 1).putObject("rigs");
    for (String rig : ToolOutputs.RIGS) {
      ObjectNode entry = byName.putObject(rig);
      entry.put("git_url", "https://github.com/example/" + rig + ".git");
      entry.putObject("beads").put("prefix", Era.PREFIXES.get(rig));
    }
    Path file = out.resolve("town/mayor/rigs.json");
    Files.createDirectories(file.getParent());
    Files.writeString(file, rigs.toPrettyString() + "\n", StandardCharsets.UTF_8);
  }

  private void writeManifest() throws IOException {
    try (JsonGenerator json = new JsonFactory().createGenerator(out.resolve("town.json").toFile(), com.fasterxml.jackson.core.JsonEncoding.UTF8)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("era", era.id);
      json.writeNumberField("sessions", sessions());
      json.writeNumberField("transcript_files", files);
      json.writeNumberField("transcript_bytes", bytes);
      // What a run reads by default (transcripts, Gas Town logs, beads); and the telemetry files.
      json.writeNumberField("lines", lines);
      json.writeNumberField("telemetry_lines", telemetryLines);
      // bd export files under beads/, read when given as --beads.
      json.writeNumberField("beads_export_lines", exportLines);
      json.writeNumberField("broken_transcript_lines", brokenLines);
      json.writeNumberField("broken_log_lines", 3L * GtLogs.BROKEN_LINES_PER_LOG);
      json.writeNumberField("planted_secrets", scenes.plantedSecrets());
      json.writeNumberField("exact_repeats", scenes.exactRepeats());
      json.writeNumberField("pruned_events", logs.prunedEvents());
      json.writeObjectFieldStart("outcome_signals");
      for (Map.Entry<String, Long> signal : outcomes.counts().entrySet()) {
        json.writeNumberField(signal.getKey(), signal.getValue());
      }
      json.writeEndObject();
      json.writeObjectFieldStart("roles");
      for (Role role : Role.values()) {
        json.writeObjectFieldStart(role.id());
        json.writeNumberField("sessions", sessionsByRole.getOrDefault(role, 0L));
        json.writeNumberField("exchanges", exchangesByRole.getOrDefault(role, 0L));
        json.writeEndObject();
      }
      json.writeEndObject();
      json.writeEndObject();
    }
  }
}
