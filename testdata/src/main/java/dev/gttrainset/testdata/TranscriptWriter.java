package dev.gttrainset.testdata;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes one Claude Code transcript the way Claude Code 2.1 does: one compact JSON record a line,
 * each linked to the one before by {@code parentUuid}, an API response split into a line per
 * content block that share {@code message.id}, tool results echoed in {@code toolUseResult}.
 */
final class TranscriptWriter implements Closeable {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final String VERSION = "2.1.39";
  private static final String MODEL = "claude-opus-4-6";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final CountingOutputStream counted;
  private final OutputStream file;
  private final JsonGenerator json;
  private final Ids ids;
  private final String sessionId;
  private final String cwd;
  private final String agentId;
  private String parent;
  private Instant clock;
  private Instant lastRecord;
  private long lines;

  /**
   * @param agentId the subagent this file belongs to, or null for the session's own file
   */
  TranscriptWriter(Path path, boolean gzip, Ids ids, String sessionId, String cwd, String agentId, Instant start)
      throws IOException {
    Files.createDirectories(path.getParent());
    OutputStream out = Files.newOutputStream(path);
    this.file = gzip ? new GZIPOutputStream(out, 1 << 16) : out;
    this.counted = new CountingOutputStream(new BufferedOutputStream(file, 1 << 16));
    this.json = FACTORY.createGenerator(counted);
    this.json.setRootValueSeparator(new SerializedString("\n"));
    this.ids = ids;
    this.sessionId = sessionId;
    this.cwd = cwd;
    this.agentId = agentId;
    this.clock = start;
  }

  /** Uncompressed bytes written so far. */
  long bytes() throws IOException {
    json.flush();
    return counted.count();
  }

  long lines() {
    return lines;
  }

  Instant clock() {
    return clock;
  }

  void pause(Duration duration) {
    clock = clock.plus(duration);
  }

  void fileHistorySnapshot() throws IOException {
    String messageId = ids.uuid();
    json.writeStartObject();
    json.writeStringField("type", "file-history-snapshot");
    json.writeStringField("messageId", messageId);
    json.writeObjectFieldStart("snapshot");
    json.writeStringField("messageId", messageId);
    json.writeObjectFieldStart("trackedFileBackups");
    json.writeEndObject();
    json.writeStringField("timestamp", timestamp());
    json.writeEndObject();
    json.writeBooleanField("isSnapshotUpdate", false);
    json.writeEndObject();
    lines++;
  }

  void hookProgress(String hookEvent, String command) throws IOException {
    start("progress", Duration.ofMillis(300));
    json.writeObjectFieldStart("data");
    json.writeStringField("type", "hook_progress");
    json.writeStringField("hookEvent", hookEvent);
    json.writeStringField("hookName", hookEvent + ":startup");
    json.writeStringField("command", command);
    json.writeEndObject();
    String toolUseId = ids.uuid();
    json.writeStringField("parentToolUseID", toolUseId);
    json.writeStringField("toolUseID", toolUseId);
    end();
  }

  /** A prompt typed by a person or sent by Gas Town. */
  void user(String text) throws IOException {
    start("user", Duration.ofSeconds(20));
    json.writeObjectFieldStart("message");
    json.writeStringField("role", "user");
    json.writeStringField("content", text);
    json.writeEndObject();
    end();
  }

  /** One API response: a line per block, all with one {@code message.id}. */
  void assistant(List<Block> blocks, String stopReason, int outputTokens) throws IOException {
    String messageId = ids.messageId();
    String requestId = ids.requestId();
    for (int i = 0; i < blocks.size(); i++) {
      boolean last = i == blocks.size() - 1;
      start("assistant", Duration.ofMillis(1500 + 40L * outputTokens / blocks.size()));
      json.writeObjectFieldStart("message");
      json.writeStringField("model", MODEL);
      json.writeStringField("id", messageId);
      json.writeStringField("type", "message");
      json.writeStringField("role", "assistant");
      json.writeArrayFieldStart("content");
      blocks.get(i).write(json);
      json.writeEndArray();
      if (last) {
        json.writeStringField("stop_reason", stopReason);
      } else {
        json.writeNullField("stop_reason");
      }
      json.writeNullField("stop_sequence");
      json.writeObjectFieldStart("usage");
      json.writeNumberField("input_tokens", 3);
      json.writeNumberField("cache_creation_input_tokens", 1800 + outputTokens);
      json.writeNumberField("cache_read_input_tokens", 21000 + 7 * outputTokens);
      json.writeNumberField("output_tokens", last ? outputTokens : 9);
      json.writeStringField("service_tier", "standard");
      json.writeEndObject();
      json.writeEndObject();
      json.writeStringField("requestId", requestId);
      end();
    }
  }

  /** A tool's reply, and Claude Code's echo of it in {@code toolUseResult}. */
  void toolResult(String toolUseId, String content, boolean isError) throws IOException {
    start("user", Duration.ofMillis(200 + content.length() / 20));
    json.writeObjectFieldStart("message");
    json.writeStringField("role", "user");
    json.writeArrayFieldStart("content");
    json.writeStartObject();
    json.writeStringField("tool_use_id", toolUseId);
    json.writeStringField("type", "tool_result");
    json.writeStringField("content", content);
    if (isError) {
      json.writeBooleanField("is_error", true);
    }
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    if (isError) {
      json.writeStringField("toolUseResult", "Error: " + content);
    } else {
      json.writeObjectFieldStart("toolUseResult");
      json.writeStringField("stdout", content);
      json.writeStringField("stderr", "");
      json.writeBooleanField("interrupted", false);
      json.writeBooleanField("isImage", false);
      json.writeEndObject();
    }
    end();
  }

  void stopHookSummary() throws IOException {
    start("system", Duration.ofMillis(500));
    json.writeStringField("subtype", "stop_hook_summary");
    json.writeNumberField("hookCount", 1);
    json.writeArrayFieldStart("hookInfos");
    json.writeStartObject();
    json.writeStringField("command", "gt costs record");
    json.writeEndObject();
    json.writeEndArray();
    json.writeArrayFieldStart("hookErrors");
    json.writeEndArray();
    json.writeBooleanField("preventedContinuation", false);
    json.writeStringField("level", "suggestion");
    end();
  }

  /** A line as a crash or a full disk leaves it: not JSON. */
  void brokenLine(String text) throws IOException {
    json.flush();
    counted.write(("\n" + text).getBytes(StandardCharsets.UTF_8));
    lines++;
  }

  private void start(String type, Duration after) throws IOException {
    clock = clock.plus(after);
    json.writeStartObject();
    json.writeStringField("parentUuid", parent);
    json.writeBooleanField("isSidechain", agentId != null);
    json.writeStringField("userType", "external");
    json.writeStringField("cwd", cwd);
    json.writeStringField("sessionId", sessionId);
    json.writeStringField("version", VERSION);
    json.writeStringField("gitBranch", "main");
    if (agentId != null) {
      json.writeStringField("agentId", agentId);
    }
    json.writeStringField("type", type);
  }

  private void end() throws IOException {
    parent = ids.uuid();
    json.writeStringField("uuid", parent);
    json.writeStringField("timestamp", timestamp());
    json.writeEndObject();
    lines++;
    lastRecord = clock;
  }

  /** The time of the last record written: when the session ended, as its events tell it. */
  Instant lastRecord() {
    return lastRecord;
  }

  private String timestamp() {
    return TIMESTAMP.format(clock);
  }

  @Override
  public void close() throws IOException {
    json.writeRaw('\n');
    json.close();
  }
}
