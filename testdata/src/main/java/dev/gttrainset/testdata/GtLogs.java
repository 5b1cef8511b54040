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

  private record Line(Instant at, String json) {}

  private final List<Line> events = new ArrayList<>();
  private final List<Line> costs = new ArrayList<>();
  private final List<Line> commands = new ArrayList<>();
  private final List<Line> otelLogs = new ArrayList<>();
  private final List<Line> metrics = new ArrayList<>();
  private final Map<String, List<Line>> beadsByRig = new TreeMap<>();

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

  /** A VictoriaMetrics series of one session, as /api/v1/export writes it: a counter's values. */
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
      json.writeNumber(Math.round(total / 3 * 1e6) / 1e6);
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

  void sessionEnd(Instant at, Agent agent, String sessionId) {
    events.add(new Line(at, json(json -> {
      event(json, at, "session_end", agent.address());
      json.writeObjectFieldStart("payload");
      json.writeStringField("role", agent.address());
      json.writeStringField("session_id", sessionId);
      json.writeEndObject();
      json.writeStringField("visibility", "audit");
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

  /** Writes the three logs; returns the number of lines written, the broken ones included. */
  long write(Path town, Path gtHome) throws IOException {
    return write(town.resolve(".events.jsonl"), events)
        + write(gtHome.resolve("costs.jsonl"), costs)
        + write(gtHome.resolve("cmd-usage.jsonl"), commands);
  }

  /** Writes the OpenTelemetry export files; returns the number of lines written, all whole. */
  long writeTelemetry(Path otel) throws IOException {
    return writeWhole(otel.resolve("victorialogs.jsonl"), otelLogs) + writeWhole(otel.resolve("victoriametrics.jsonl"), metrics);
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
