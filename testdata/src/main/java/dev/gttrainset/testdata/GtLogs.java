package dev.gttrainset.testdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gas Town's own logs: {@code <town>/.events.jsonl}, {@code ~/.gt/costs.jsonl} and {@code
 * ~/.gt/cmd-usage.jsonl}, in time order, each ending in one line a crash cut short.
 */
final class GtLogs {
  private static final JsonFactory FACTORY = new JsonFactory();
  /** Gas Town writes its own logs in the town's local time; this town is in Sydney. */
  private static final ZoneOffset LOCAL = ZoneOffset.ofHours(11);
  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter UTC_MILLIS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOCAL_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT).withZone(LOCAL);
  private static final DateTimeFormatter LOCAL_NANOS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSSxxx", Locale.ROOT).withZone(LOCAL);
  /** Lines per log that a crash cut short. */
  static final int BROKEN_LINES_PER_LOG = 1;

  record Line(Instant at, String json) {}

  private final List<Line> events = new ArrayList<>();
  private final List<Line> costs = new ArrayList<>();
  private final List<Line> commands = new ArrayList<>();
  private final List<Line> otelLogs = new ArrayList<>();
  private final List<Line> metrics = new ArrayList<>();
  private final Map<String, List<Line>> beadsByRig = new TreeMap<>();
  /** The town's own beads database ({@code hq}): mail lives there. */
  private final List<Line> townBeads = new ArrayList<>();
  private long prunedEvents;

  /**
   * How long Gas Town's daemon keeps each event type in {@code .events.jsonl} (its KRC pruner
   * rewrites the file in place every hour and archives nothing); types not listed are kept.
   */
  private static final Map<String, Duration> EVENT_TTL =
      Map.of(
          "session_start", Duration.ofDays(3),
          "nudge", Duration.ofDays(3),
          "handoff", Duration.ofDays(7),
          "done", Duration.ofDays(14),
          "sling", Duration.ofDays(14),
          "hook", Duration.ofDays(14),
          "mail", Duration.ofDays(30),
          "session_death", Duration.ofDays(30));

  /** The pruner always keeps this many of the newest lines. */
  private static final int KEPT_LINES = 100;

  /**
   * An event about an agent's work, as Gas Town's {@code events.Log} writes it.
   *
   * @param payload names and values, written in the order given
   */
  void event(Instant at, String type, String actor, String... payload) {
    events.add(new Line(at, json(json -> {
      event(json, at, type, actor);
      json.writeObjectFieldStart("payload");
      for (int i = 0; i < payload.length; i += 2) {
        json.writeStringField(payload[i], payload[i + 1]);
      }
      json.writeEndObject();
      json.writeStringField("visibility", "feed");
    })));
  }

  /** A VictoriaLogs line of an agent's OpenTelemetry log at its session's end. */
  void otelLog(Instant at, Agent agent, String sessionId, String bead, String exitType) {
    otelLogs.add(new Line(at, json(json -> {
      json.writeStringField("_msg", "session " + exitType.toLowerCase(Locale.ROOT));
      json.writeStringField("_stream", "{service.name=\"gastown\",gt.role=\"" + agent.costRole() + "\"}");
      json.writeStringField("_time", UTC_MILLIS.format(at));
      json.writeStringField("gt.session", agent.gtSession());
      if (!bead.isEmpty()) {
        json.writeStringField("gt.issue", bead);
      }
      json.writeStringField("gt.topic", agent.role().id());
      json.writeStringField("exit_type", exitType);
      json.writeStringField("status", exitType.equals("COMPLETED") ? "ok" : "attention");
      if (sessionId != null) {
        json.writeStringField("session_id", sessionId);
      }
    })));
  }

  /**
   * A VictoriaMetrics series of one session, as /api/v1/export writes it: a counter's values, from
   * zero when the agent's process started, so the first is small (a restart shows as a drop).
   */
  void metric(Instant from, Instant to, String name, Agent agent, String sessionId, String type, double total) {
    metrics.add(new Line(to, json(json -> {
      json.writeObjectFieldStart("metric");
      json.writeStringField("__name__", name);
      json.writeStringField("gt.session", agent.gtSession());
      if (sessionId != null) {
        json.writeStringField("session_id", sessionId);
      }
      if (!type.isEmpty()) {
        json.writeStringField("type", type);
      }
      json.writeEndObject();
      json.writeArrayFieldStart("values");
      json.writeNumber(Math.round(total / 20 * 1e6) / 1e6);
      json.writeNumber(Math.round(total * 1e6) / 1e6);
      json.writeEndArray();
      json.writeArrayFieldStart("timestamps");
      json.writeNumber(from.toEpochMilli());
      json.writeNumber(to.toEpochMilli());
      json.writeEndArray();
    })));
  }

  /** A bead as its rig's {@code .beads/issues.jsonl} last wrote it. */
  void bead(Instant at, String rig, String id, String status, String closedBySession) {
    beadsByRig.computeIfAbsent(rig, r -> new ArrayList<>()).add(new Line(at, json(json -> {
      json.writeStringField("id", id);
      json.writeStringField("title", "Work of " + id);
      json.writeStringField("status", status);
      json.writeStringField("updated_at", UTC.format(at));
      if (status.equals("closed")) {
        json.writeStringField("closed_at", UTC.format(at));
        if (closedBySession != null) {
          json.writeStringField("closed_by_session", closedBySession);
        }
      }
    })));
  }

  /**
   * A merge request as the refinery leaves it in its rig's beads, as {@code bd export --all}
   * writes it (it is an ephemeral wisp with the label {@code gt:merge-request}): submitted by {@code
   * gt done}, closed with the verdict in {@code close_reason}, or left open and blocked on a
   * conflict; its fields in the description.
   */
  void mergeRequest(
      Instant submitted, Instant closed, Agent polecat, String id, String bead, String branch, String verdict, String successor) {
    boolean open = verdict.equals("conflict");
    beadsByRig.computeIfAbsent(polecat.rig(), r -> new ArrayList<>()).add(new Line(closed, json(json -> {
      json.writeStringField("_type", "issue");
      json.writeStringField("id", id);
      json.writeStringField("title", "Merge: " + bead);
      json.writeStringField("description", "branch: " + branch + "\ntarget: main\nsource_issue: " + bead + "\nrig: "
          + polecat.rig() + "\nworker: " + polecat.name() + "\nretry_count: 0" + (verdict.equals("merged") ? "\nclose_reason: merged" : ""));
      json.writeStringField("status", open ? "blocked" : "closed");
      json.writeNumberField("priority", 2);
      json.writeStringField("issue_type", "task");
      json.writeStringField("created_at", UTC.format(submitted));
      json.writeStringField("updated_at", UTC.format(closed));
      if (!open) {
        json.writeStringField("closed_at", UTC.format(closed));
        json.writeStringField("close_reason", verdict.equals("superseded") ? "superseded by " + successor : verdict);
      }
      json.writeArrayFieldStart("labels");
      json.writeString("gt:merge-request");
      json.writeEndArray();
      json.writeBooleanField("ephemeral", true);
    })));
  }

  /**
   * A mail, which is a bead of the town's database (label {@code gt:message}, sender in a {@code
   * from:} label, recipient as assignee), with the {@code mail} event {@code gt mail send} logs.
   */
  void mail(Instant at, String from, String to, String subject, String body) {
    String id = "hq-" + Integer.toString(Math.floorMod((at + subject).hashCode(), 36 * 36 * 36 * 36), 36);
    townBeads.add(new Line(at, json(json -> {
      json.writeStringField("_type", "issue");
      json.writeStringField("id", id);
      json.writeStringField("title", subject);
      json.writeStringField("description", body);
      json.writeStringField("status", "open");
      json.writeNumberField("priority", 2);
      json.writeStringField("issue_type", "task");
      json.writeStringField("assignee", to);
      json.writeStringField("created_at", UTC.format(at));
      json.writeStringField("created_by", from);
      json.writeStringField("updated_at", UTC.format(at));
      json.writeArrayFieldStart("labels");
      json.writeString("gt:message");
      json.writeString("from:" + from);
      json.writeString("msg-type:notification");
      json.writeEndArray();
    })));
    event(at, "mail", from, "to", to, "subject", subject);
  }

  /**
   * gt's own OpenTelemetry records of an agent run, as VictoriaLogs exports them: {@code
   * agent.event} naming the Claude session ({@code native_session_id}) and, at {@code gt done},
   * {@code done} with its exit type; both keyed by tmux name and {@code run.id}.
   */
  void runRecords(Instant start, Instant end, Agent agent, String runId, String sessionId, String exitType) {
    if (sessionId != null) {
      otelLogs.add(new Line(start, json(json -> {
        json.writeStringField("_msg", "agent.event");
        json.writeStringField("_stream", "{service.name=\"gastown\",gt.role=\"" + agent.costRole() + "\"}");
        json.writeStringField("_time", UTC_MILLIS.format(start.plusSeconds(5)));
        json.writeStringField("gt.session", agent.gtSession());
        json.writeStringField("run.id", runId);
        json.writeStringField("session", agent.gtSession());
        json.writeStringField("native_session_id", sessionId);
        json.writeStringField("event_type", "assistant");
      })));
    }
    if (exitType != null) {
      otelLogs.add(new Line(end, json(json -> {
        json.writeStringField("_msg", "done");
        json.writeStringField("_stream", "{service.name=\"gastown\",gt.role=\"" + agent.costRole() + "\"}");
        json.writeStringField("_time", UTC_MILLIS.format(end));
        json.writeStringField("gt.session", agent.gtSession());
        json.writeStringField("run.id", runId);
        json.writeStringField("exit_type", exitType);
        json.writeStringField("status", "ok");
      })));
    }
  }

  void sessionStart(Instant at, Agent agent, String sessionId) {
    events.add(new Line(at, json(json -> {
      event(json, at, "session_start", agent.address());
      json.writeObjectFieldStart("payload");
      json.writeStringField("actor_pid", agent.address() + "-" + (1000 + Math.floorMod(sessionId.hashCode(), 9000)));
      json.writeStringField("cwd", agent.cwd());
      json.writeStringField("role", agent.address());
      json.writeStringField("session_id", sessionId);
      json.writeEndObject();
      json.writeStringField("visibility", "feed");
    })));
  }

  /** A cumulative cost record, as the stop hook writes one after every turn. */
  void cost(Instant at, Agent agent, double usd) {
    costs.add(new Line(at, json(json -> {
      json.writeStringField("session_id", agent.gtSession());
      json.writeStringField("role", agent.costRole());
      if (agent.rig() != null) {
        json.writeStringField("rig", agent.rig());
      }
      json.writeStringField("worker", agent.costWorker());
      json.writeNumberField("cost_usd", Math.round(usd * 1e6) / 1e6);
      json.writeStringField("ended_at", LOCAL_NANOS.format(at));
    })));
  }

  /** A {@code gt} command an agent ran: the command and its sub-command, and how many arguments followed. */
  void command(Instant at, Agent agent, String commandLine) {
    String[] words = commandLine.split(" ");
    String command = words.length > 1 ? words[0] + " " + words[1] : words[0];
    commands.add(new Line(at, json(json -> {
      json.writeStringField("ts", LOCAL_SECONDS.format(at));
      json.writeStringField("cmd", command);
      json.writeStringField("actor", agent.address());
      json.writeNumberField("argc", Math.max(0, words.length - 2));
    })));
  }

  /** A counter's last value as written, in plain dollars: 0.27, 2.05482. */
  static String dollars(double usd) {
    return java.math.BigDecimal.valueOf(Math.round(usd * 1e6), 6).stripTrailingZeros().toPlainString();
  }

  /**
   * Writes the three logs, the events as the daemon left them at {@code now}; returns the number of
   * lines written, the broken ones included.
   */
  long write(Path town, Path gtHome, Instant now) throws IOException {
    return write(town.resolve(".events.jsonl"), pruned(events, now))
        + write(gtHome.resolve("costs.jsonl"), costs)
        + write(gtHome.resolve("cmd-usage.jsonl"), commands);
  }

  /** The events the pruner keeps: those younger than their type's time to live, and the newest lines. */
  private List<Line> pruned(List<Line> lines, Instant now) {
    lines.sort(Comparator.comparing(Line::at));
    List<Line> kept = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      String type = typeOf(line.json());
      Duration ttl = type.startsWith("patrol_") ? Duration.ofDays(1) : type.startsWith("merge") ? Duration.ofDays(30) : EVENT_TTL.get(type);
      if (ttl == null || i >= lines.size() - KEPT_LINES || !line.at().isBefore(now.minus(ttl))) {
        kept.add(line);
      } else {
        prunedEvents++;
      }
    }
    return kept;
  }

  private static String typeOf(String eventJson) {
    int at = eventJson.indexOf("\"type\":\"") + 8;
    return eventJson.substring(at, eventJson.indexOf('"', at));
  }

  /** Events the daemon's pruner removed before the town was copied. */
  long prunedEvents() {
    return prunedEvents;
  }

  /** Writes the OpenTelemetry export files; returns the number of lines written, all whole. */
  long writeTelemetry(Path otel) throws IOException {
    return writeWhole(otel.resolve("victorialogs.jsonl"), otelLogs) + writeWhole(otel.resolve("victoriametrics.jsonl"), metrics);
  }

  /**
   * Writes the beads as a town of today has them: {@code .beads/issues.jsonl} of the town and of
   * every rig empty (Dolt is the store; {@code gt install} writes the empty file), and {@code bd
   * export} of each rig's database and the town's into {@code exports}; returns the number of
   * export lines.
   */
  long writeBeadsExports(Path town, Path exports) throws IOException {
    writeWhole(town.resolve(".beads/issues.jsonl"), new ArrayList<>());
    long lines = 0;
    for (Map.Entry<String, List<Line>> rig : beadsByRig.entrySet()) {
      writeWhole(town.resolve(rig.getKey()).resolve(".beads/issues.jsonl"), new ArrayList<>());
      lines += writeWhole(exports.resolve(rig.getKey() + ".jsonl"), rig.getValue());
    }
    return lines + writeWhole(exports.resolve("hq.jsonl"), townBeads);
  }

  /** Writes each rig's {@code .beads/issues.jsonl} under the town; returns the number of lines. */
  long writeBeads(Path town) throws IOException {
    long lines = 0;
    for (Map.Entry<String, List<Line>> rig : beadsByRig.entrySet()) {
      lines += writeWhole(town.resolve(rig.getKey()).resolve(".beads/issues.jsonl"), rig.getValue());
    }
    return lines;
  }

  /** The lines in time order, then a broken line, as a crash mid-write leaves a Gas Town log. */
  private static long write(Path file, List<Line> lines) throws IOException {
    return write(file, lines, true);
  }

  /** Exports and beads files are written whole. */
  private static long writeWhole(Path file, List<Line> lines) throws IOException {
    return write(file, lines, false);
  }

  private static long write(Path file, List<Line> lines, boolean brokenAtTheEnd) throws IOException {
    Files.createDirectories(file.getParent());
    lines.sort(Comparator.comparing(Line::at));
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Line line : lines) {
        out.write(line.json());
        out.write('\n');
      }
      if (brokenAtTheEnd) {
        String last = lines.isEmpty() ? "{\"ts\":\"2026-02-16T00:00:00Z\"}" : lines.get(lines.size() - 1).json();
        out.write(last, 0, last.length() / 2);
        out.write('\n');
      }
    }
    return lines.size() + (brokenAtTheEnd ? BROKEN_LINES_PER_LOG : 0);
  }

  private static void event(JsonGenerator json, Instant at, String type, String actor) throws IOException {
    json.writeStringField("ts", UTC.format(at));
    json.writeStringField("source", "gt");
    json.writeStringField("type", type);
    json.writeStringField("actor", actor);
  }

  private interface Fields {
    void write(JsonGenerator json) throws IOException;
  }

  private static String json(Fields fields) {
    try {
      StringWriter out = new StringWriter();
      try (JsonGenerator json = FACTORY.createGenerator(out)) {
        json.writeStartObject();
        fields.write(json);
        json.writeEndObject();
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
