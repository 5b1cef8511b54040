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
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

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

  /** A Claude Code session id; older telemetry put one in {@code session_id}, newer a tmux name. */
  private static final Pattern CLAUDE_SESSION = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private static final String MERGE_REQUEST = "merge-request";
  private static final String MESSAGE = "message";

  private static final Pattern EVENT_NAME = Pattern.compile("[a-z][a-z0-9_.]{0,63}");

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
    if (source.equals(GtRecord.METRICS)) {
      List<GtRecord> increases = metric(line);
      if (increases == null) {
        lines.deadLetter("missing-field", missingFieldDetail(), rawLine);
        return;
      }
      lines.used();
      records.addAll(increases);
      return;
    }
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
        return "a series needs a \"metric\" with a \"__name__\", and as many \"timestamps\" as \"values\", all numbers of at least 0";
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
    GtRecord.Builder event =
        GtRecord.builder(GtRecord.EVENTS, type)
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
            // Whom an escalation, a session death, a mail or a nudge is about or for.
            .setStatus(firstNonEmpty(firstNonEmpty(Json.text(payload, "target"), Json.text(payload, "agent")), Json.text(payload, "to")))
            .setGtSession(Json.text(payload, "session"))
            .setReason(Json.text(payload, "reason"));
    if (type.equals("mail")) {
      GtMessages.refineryVerdict(Json.text(payload, "subject"))
          .ifPresent(v -> event.setReason(v.word()).setWorker(v.polecat()));
    } else if (type.equals("nudge")) {
      // The refinery nudges a polecat whose merge failed: MERGE_FAILED: branch=... type=conflict.
      String message = firstNonEmpty(Json.text(payload, "message"), Json.text(payload, "reason"));
      GtMessages.refineryVerdict(message)
          .or(() -> GtMessages.polecatDone(message))
          .ifPresentOrElse(v -> event.setReason(v.word()).setWorker(v.polecat()), () -> event.setReason(""));
      GtMessages.branchIn(message).ifPresent(event::setBranch);
    }
    return event.build();
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
        .setGtSession(Json.text(line, "session_id"))
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
   * A VictoriaLogs line ({@code /select/logsql/query}): {@code _time}, {@code _msg} (the record's
   * event, e.g. {@code done} or {@code agent.event}), and the attributes Gas Town's agents log with:
   * {@code gt.session} (or {@code session}, the tmux name), {@code run.id}, {@code gt.issue},
   * {@code gt.topic}, {@code exit_type}; the Claude session as {@code native_session_id} (since
   * spring 2026) or, in older towns, {@code session_id}, which now holds the tmux name instead.
   */
  private static GtRecord otelLog(JsonNode line) {
    long time = Timestamps.parseMillis(Json.text(line, "_time"));
    if (time == Timestamps.NONE) {
      return null;
    }
    String sessionId = firstNonEmpty(Json.text(line, "native_session_id"), firstNonEmpty(Json.text(line, "session_id"), Json.text(line, "session.id")));
    String tmux = firstNonEmpty(Json.text(line, "gt.session"), Json.text(line, "session"));
    if (!CLAUDE_SESSION.matcher(sessionId).matches()) {
      tmux = firstNonEmpty(tmux, sessionId);
      sessionId = "";
    }
    String event = Json.text(line, "_msg");
    return GtRecord.builder(GtRecord.OTEL_LOGS, EVENT_NAME.matcher(event).matches() ? event : "log")
        .setTimestampMillis(time)
        .setSessionId(sessionId)
        .setGtSession(tmux)
        .setRunId(Json.text(line, "run.id"))
        .setBead(Json.text(line, "gt.issue"))
        .setTopic(Json.text(line, "gt.topic"))
        .setStatus(Json.text(line, "exit_type").toUpperCase(Locale.ROOT))
        .build();
  }

  /**
   * A VictoriaMetrics series ({@code /api/v1/export}): its name and labels, and each of its samples
   * as the increase of the counter since the one before, a drop read as the restart of a counter
   * from zero (as PromQL's {@code increase()} reads one). A series is one label set, so a server
   * holds one series for all the sessions that share labels (a tmux name, across a mayor's
   * handoffs): each increase finds its session by its own time, and a session's tokens and cost
   * are the sum of its increases. For the counters Claude Code exports (tokens, cost in dollars)
   * that sum is the session's total.
   */
  private static List<GtRecord> metric(JsonNode line) {
    JsonNode labels = line.path("metric");
    String name = Json.text(labels, "__name__");
    JsonNode values = line.path("values");
    JsonNode timestamps = line.path("timestamps");
    if (name.isEmpty() || !values.isArray() || values.isEmpty() || timestamps.size() != values.size()) {
      return null;
    }
    boolean dollars = name.toLowerCase(Locale.ROOT).contains("cost");
    long[] amounts = new long[values.size()];
    for (int i = 0; i < values.size(); i++) {
      JsonNode value = values.get(i);
      if (!value.isNumber() || !Double.isFinite(value.asDouble()) || value.asDouble() < 0 || !timestamps.get(i).canConvertToLong()) {
        return null;
      }
      amounts[i] = dollars
          ? value.decimalValue().movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValue()
          : Math.round(value.asDouble());
    }
    GtRecord.Builder series =
        GtRecord.builder(GtRecord.METRICS, name)
            .setSessionId(firstNonEmpty(Json.text(labels, "session_id"), Json.text(labels, "session.id")))
            .setGtSession(firstNonEmpty(Json.text(labels, "gt.session"), Json.text(labels, "gt_session")))
            .setTopic(Json.text(labels, "type"));
    List<GtRecord> increases = new ArrayList<>();
    for (int i = 0; i < amounts.length; i++) {
      long increase = i == 0 || amounts[i] < amounts[i - 1] ? amounts[i] : amounts[i] - amounts[i - 1];
      increases.add(series.setTimestampMillis(timestamps.get(i).asLong()).setAmount(increase).build());
    }
    return increases;
  }

  /**
   * A bead, as {@code bd export} and {@code .beads/issues.jsonl} write it: its id, status, and the
   * session that closed it. Two kinds say what became of a polecat's work: a merge request (branch,
   * worker, rig and source issue in its description's {@code key: value} lines; the verdict in
   * {@code close_reason}), and the refinery's mail (title {@code MERGED toast} or the like, sender in
   * a {@code from:} label). Both are ephemeral in current Gas Town: only {@code bd export --all}
   * writes them. Both are dated by their
   * creation, which falls in or right after the polecat's session.
   */
  private static GtRecord bead(JsonNode line) {
    String id = Json.text(line, "id");
    String status = Json.text(line, "status");
    if (id.isEmpty() || status.isEmpty()) {
      return null;
    }
    String kind = kindOf(line);
    GtRecord.Builder bead =
        GtRecord.builder(GtRecord.BEADS, "bead")
            .setTimestampMillis(Timestamps.parseMillis(firstNonEmpty(Json.text(line, "closed_at"), Json.text(line, "updated_at"))))
            .setBead(id)
            .setStatus(status.toLowerCase(Locale.ROOT))
            .setSessionId(Json.text(line, "closed_by_session"));
    if (kind.equals(MERGE_REQUEST)) {
      Map<String, String> fields = DescriptionFields.of(Json.text(line, "description"));
      return bead.setType("merge_request")
          .setTimestampMillis(Timestamps.parseMillis(firstNonEmpty(Json.text(line, "created_at"), Json.text(line, "updated_at"))))
          .setBead(firstNonEmpty(fields.getOrDefault("source_issue", ""), id))
          .setBranch(fields.getOrDefault("branch", ""))
          .setWorker(fields.getOrDefault("worker", ""))
          .setRig(fields.getOrDefault("rig", ""))
          // "merged", "rejected", "conflict", or "superseded by gt-wisp-x9": the verdict is the first
          // word. A merge request left blocked waits on a conflict task: not merged.
          .setReason(
              status.equalsIgnoreCase("blocked")
                  ? "blocked"
                  : firstWord(firstNonEmpty(Json.text(line, "close_reason"), fields.getOrDefault("close_reason", ""))))
          .build();
    }
    if (kind.equals(MESSAGE)) {
      Optional<GtMessages.Verdict> verdict = GtMessages.refineryVerdict(Json.text(line, "title"));
      if (verdict.isPresent()) {
        Map<String, String> fields = DescriptionFields.of(Json.text(line, "description"));
        return bead.setType("mail")
            .setTimestampMillis(Timestamps.parseMillis(firstNonEmpty(Json.text(line, "created_at"), Json.text(line, "updated_at"))))
            .setBead(fields.getOrDefault("issue", ""))
            .setBranch(fields.getOrDefault("branch", ""))
            .setWorker(firstNonEmpty(verdict.get().polecat(), fields.getOrDefault("polecat", "")))
            .setActor(firstNonEmpty(label(line, "from:"), Json.text(line, "sender")))
            .setReason(verdict.get().word())
            .build();
      }
      return bead.setType("message").build();
    }
    return bead.build();
  }

  /**
   * What a bead is: Gas Town marks merge requests and mail with a label ({@code gt:merge-request},
   * {@code gt:message}) since it stopped giving them issue types of their own; older beads have
   * {@code issue_type} {@code merge-request} or {@code message}.
   */
  private static String kindOf(JsonNode bead) {
    String type = Json.text(bead, "issue_type");
    for (JsonNode label : bead.path("labels")) {
      if (label.asText().equals("gt:" + MERGE_REQUEST) || label.asText().equals("gt:" + MESSAGE)) {
        return label.asText().substring(3);
      }
    }
    return type;
  }

  /** The rest of the first label that starts with {@code prefix}, e.g. a mail's {@code from:<sender>}. */
  private static String label(JsonNode bead, String prefix) {
    for (JsonNode label : bead.path("labels")) {
      if (label.asText().startsWith(prefix)) {
        return label.asText().substring(prefix.length());
      }
    }
    return "";
  }

  private static String firstWord(String text) {
    String[] words = text.strip().toLowerCase(Locale.ROOT).split("\\s+", 2);
    return words[0];
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
