package dev.gttrainset.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.model.DeadLetter;
import dev.gttrainset.model.GtRecord;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one Gas Town log file: town events, cost records or command uses, and what observability
 * keeps of the town: OpenTelemetry logs exported from VictoriaLogs, metric series exported from
 * VictoriaMetrics, a rig's beads. A line without the field that makes it a record of its log (an
 * event's type, a cost's amount, a command's name, a log's time, a series' name and values, a
 * bead's id and status) is a dead letter; everything else about it is optional.
 */
public final class GtLogParser implements LineReader.Sink {
  /** No agent session costs a million dollars; a larger number is a broken record. */
  static final double MAX_COST_USD = 1_000_000;

  private final String source;
  private final JsonLineReader lines;
  private final List<GtRecord> records = new ArrayList<>();

  /** @param source one of {@link GtRecord}'s sources */
  public GtLogParser(String source, String file) {
    this.source = source;
    this.lines = new JsonLineReader(source, file);
  }

  public void accept(String rawLine) {
    line(rawLine, true);
  }

  @Override
  public void line(String rawLine, boolean terminated) {
    JsonNode line = lines.read(rawLine, terminated);
    if (line == null) {
      return;
    }
    try {
      accept(line, rawLine);
    } catch (RuntimeException e) {
      lines.deadLetter("unreadable-record", e.toString(), rawLine);
    }
  }

  private void accept(JsonNode line, String rawLine) {
    GtRecord record;
    switch (source) {
      case GtRecord.EVENTS:
        record = event(line);
        break;
      case GtRecord.COSTS:
        record = cost(line);
        break;
      case GtRecord.COMMANDS:
        record = command(line);
        break;
      case GtRecord.OTEL_LOGS:
        record = otelLog(line);
        break;
      case GtRecord.METRICS:
        record = metric(line);
        break;
      case GtRecord.BEADS:
        record = bead(line);
        break;
      default:
        throw new IllegalArgumentException("not a Gas Town log: " + source);
    }
    if (record == null) {
      lines.deadLetter("missing-field", missingFieldDetail(), rawLine);
      return;
    }
    lines.used();
    records.add(record);
    if (record.source().equals(GtRecord.EVENTS)) {
      lines.counters().increment(StatKeys.eventType(record.type()));
    } else if (record.source().equals(GtRecord.COMMANDS)) {
      lines.counters().increment(StatKeys.gtCommands(record.actor().isEmpty() ? "unknown" : record.actor()));
    }
  }

  @Override
  public void badLine(String reason, String detail, String excerpt) {
    lines.badLine(reason, detail, excerpt);
  }

  public void fileFailed(String reason, String detail) {
    lines.fileFailed(reason, detail);
  }

  /** A live server's page could not be had: reported as a dead letter, not a failed input file. */
  public void sourceFailed(String reason, String detail) {
    lines.sourceFailed(reason, detail);
  }

  public List<GtRecord> records() {
    return records;
  }

  public List<DeadLetter> deadLetters() {
    return lines.deadLetters();
  }

  /** The counts of this file; call once, after the last line. */
  public Counters finish() {
    lines.fileDone();
    return lines.counters();
  }

  private String missingFieldDetail() {
    switch (source) {
      case GtRecord.EVENTS:
        return "an event needs a string \"type\"";
      case GtRecord.COSTS:
        return "a cost record needs a numeric \"cost_usd\" from 0 to " + (long) MAX_COST_USD;
      case GtRecord.OTEL_LOGS:
        return "a log record needs a \"_time\"";
      case GtRecord.METRICS:
        return "a series needs a \"metric\" with a \"__name__\", and as many \"timestamps\" as \"values\", the last a number";
      case GtRecord.BEADS:
        return "a bead needs an \"id\" and a \"status\"";
      default:
        return "a command record needs a string \"cmd\"";
    }
  }

  private static GtRecord event(JsonNode line) {
    String type = Json.text(line, "type");
    if (type.isEmpty()) {
      return null;
    }
    JsonNode payload = line.path("payload");
    return GtRecord.builder(GtRecord.EVENTS, type)
        .setTimestampMillis(Timestamps.parseMillis(Json.text(line, "ts")))
        .setActor(Json.text(line, "actor"))
        .setSessionId(Json.text(payload, "session_id"))
        .setRole(Json.text(payload, "role"))
        .setRig(Json.text(payload, "rig"))
        .setWorker(firstNonEmpty(Json.text(payload, "polecat"), Json.text(payload, "worker")))
        .setCwd(Json.text(payload, "cwd"))
        .setTopic(Json.text(payload, "topic"))
        .setBead(Json.text(payload, "bead"))
        .setBranch(Json.text(payload, "branch"))
        // Whom an escalation or a session death is about.
        .setStatus(firstNonEmpty(Json.text(payload, "target"), Json.text(payload, "agent")))
        .build();
  }

  private static GtRecord cost(JsonNode line) {
    JsonNode cost = line.get("cost_usd");
    if (cost == null || !cost.isNumber() || !Double.isFinite(cost.asDouble())) {
      return null;
    }
    if (cost.asDouble() < 0 || cost.asDouble() > MAX_COST_USD) {
      return null;
    }
    return GtRecord.builder(GtRecord.COSTS, "cost")
        .setTimestampMillis(Timestamps.parseMillis(Json.text(line, "ended_at")))
        .setActor(Json.text(line, "session_id"))
        .setRole(Json.text(line, "role"))
        .setRig(Json.text(line, "rig"))
        .setWorker(Json.text(line, "worker"))
        .setCostMicros(
            cost.decimalValue().movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValue())
        .build();
  }

  private static GtRecord command(JsonNode line) {
    String command = Json.text(line, "cmd");
    if (command.isEmpty()) {
      return null;
    }
    return GtRecord.builder(GtRecord.COMMANDS, "command")
        .setTimestampMillis(Timestamps.parseMillis(Json.text(line, "ts")))
        .setActor(Json.text(line, "actor"))
        .setCommand(command)
        .build();
  }

  /**
   * A VictoriaLogs line ({@code /select/logsql/query}): {@code _time}, {@code _msg}, and the fields
   * Gas Town's agents log with: {@code session_id}, {@code gt.session}, {@code gt.issue}, {@code
   * gt.topic}, {@code exit_type}.
   */
  private static GtRecord otelLog(JsonNode line) {
    long time = Timestamps.parseMillis(Json.text(line, "_time"));
    if (time == Timestamps.NONE) {
      return null;
    }
    return GtRecord.builder(GtRecord.OTEL_LOGS, "log")
        .setTimestampMillis(time)
        .setSessionId(firstNonEmpty(Json.text(line, "session_id"), Json.text(line, "session.id")))
        .setActor(Json.text(line, "gt.session"))
        .setBead(Json.text(line, "gt.issue"))
        .setTopic(Json.text(line, "gt.topic"))
        .setStatus(Json.text(line, "exit_type").toUpperCase(Locale.ROOT))
        .build();
  }

  /**
   * A VictoriaMetrics series ({@code /api/v1/export}): its name and labels, and its last value,
   * which for the counters Claude Code exports (tokens, cost in dollars) is the session's total.
   */
  private static GtRecord metric(JsonNode line) {
    JsonNode labels = line.path("metric");
    String name = Json.text(labels, "__name__");
    JsonNode values = line.path("values");
    JsonNode timestamps = line.path("timestamps");
    if (name.isEmpty() || !values.isArray() || values.isEmpty() || timestamps.size() != values.size()) {
      return null;
    }
    JsonNode last = values.get(values.size() - 1);
    if (!last.isNumber() || !Double.isFinite(last.asDouble()) || last.asDouble() < 0) {
      return null;
    }
    boolean dollars = name.toLowerCase(Locale.ROOT).contains("cost");
    return GtRecord.builder(GtRecord.METRICS, name)
        .setTimestampMillis(timestamps.get(timestamps.size() - 1).asLong())
        .setSessionId(firstNonEmpty(Json.text(labels, "session_id"), Json.text(labels, "session.id")))
        .setActor(firstNonEmpty(Json.text(labels, "gt.session"), Json.text(labels, "gt_session")))
        .setTopic(Json.text(labels, "type"))
        .setAmount(
            dollars
                ? last.decimalValue().movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValue()
                : Math.round(last.asDouble()))
        .build();
  }

  /** A bead of {@code .beads/issues.jsonl}: its id, status, and the session that closed it. */
  private static GtRecord bead(JsonNode line) {
    String id = Json.text(line, "id");
    String status = Json.text(line, "status");
    if (id.isEmpty() || status.isEmpty()) {
      return null;
    }
    return GtRecord.builder(GtRecord.BEADS, "bead")
        .setTimestampMillis(Timestamps.parseMillis(firstNonEmpty(Json.text(line, "closed_at"), Json.text(line, "updated_at"))))
        .setBead(id)
        .setStatus(status.toLowerCase(Locale.ROOT))
        .setSessionId(Json.text(line, "closed_by_session"))
        .build();
  }

  private static String firstNonEmpty(String first, String second) {
    return first.isEmpty() ? second : first;
  }

  /** Exact dollars for a number of micro-dollars, for reports and metadata: 0.27, 10, 1.5. */
  public static BigDecimal dollars(long micros) {
    BigDecimal dollars = BigDecimal.valueOf(micros, 6).stripTrailingZeros();
    return dollars.scale() < 0 ? dollars.setScale(0) : dollars;
  }
}
