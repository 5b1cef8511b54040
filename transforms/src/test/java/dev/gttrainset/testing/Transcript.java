package dev.gttrainset.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gttrainset.parse.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes Claude Code transcript lines in the real format, so tests read like the session they
 * describe: {@code transcript.user("hi"); transcript.assistant("msg_1", text("hello"));}.
 */
public final class Transcript {
  private final String sessionId;
  private final List<String> lines = new ArrayList<>();
  private String cwd = "";
  private String agentId = "";
  private Instant start = Instant.parse("2026-02-25T09:00:00Z");
  private int clock;
  private int uuid;

  private Transcript(String sessionId) {
    this.sessionId = sessionId;
  }

  public static Transcript session(String sessionId) {
    return new Transcript(sessionId);
  }

  public Transcript cwd(String value) {
    this.cwd = value;
    return this;
  }

  /** The time of the next record; each record after it is five seconds later. */
  public Transcript at(Instant time) {
    this.start = time;
    this.clock = 0;
    return this;
  }

  /** Lines of a subagent: sidechain, with this agent id. */
  public Transcript agent(String id) {
    this.agentId = id;
    return this;
  }

  public Transcript user(String text) {
    ObjectNode line = base("user");
    line.putObject("message").put("role", "user").put("content", text);
    return add(line);
  }

  /** One API response written one block per line, as Claude Code streams it. */
  public Transcript assistant(String messageId, ObjectNode... blocks) {
    for (ObjectNode block : blocks) {
      ObjectNode line = base("assistant");
      ObjectNode message = line.putObject("message");
      message.put("id", messageId).put("role", "assistant").put("model", "claude-opus-4-6");
      message.putArray("content").add(block);
      message.putObject("usage").put("output_tokens", 10);
      add(line);
    }
    return this;
  }

  public Transcript apiError(String text) {
    ObjectNode line = base("assistant");
    line.put("isApiErrorMessage", true);
    ObjectNode message = line.putObject("message");
    message.put("id", "msg_error_" + uuid).put("role", "assistant").put("model", "<synthetic>");
    message.putArray("content").add(text(text));
    return add(line);
  }

  public Transcript toolResult(String toolUseId, String content) {
    return toolResult(toolUseId, content, false);
  }

  public Transcript toolResult(String toolUseId, String content, boolean error) {
    ObjectNode line = base("user");
    ObjectNode block = Json.MAPPER.createObjectNode();
    block.put("type", "tool_result").put("tool_use_id", toolUseId).put("content", content);
    if (error) {
      block.put("is_error", true);
    }
    ObjectNode message = line.putObject("message").put("role", "user");
    message.putArray("content").add(block);
    line.putObject("toolUseResult").put("stdout", content);
    return add(line);
  }

  /** A record of a type that carries no message, e.g. {@code progress}. */
  public Transcript record(String type) {
    return add(base(type));
  }

  /** Any line, as is. */
  public Transcript raw(String line) {
    lines.add(line);
    return this;
  }

  public List<String> lines() {
    return List.copyOf(lines);
  }

  public String text() {
    return String.join("\n", lines) + "\n";
  }

  public static ObjectNode text(String text) {
    return Json.MAPPER.createObjectNode().put("type", "text").put("text", text);
  }

  public static ObjectNode thinking(String thinking) {
    return Json.MAPPER.createObjectNode().put("type", "thinking").put("thinking", thinking);
  }

  public static ObjectNode toolUse(String id, String name, String key, String value) {
    ObjectNode block = Json.MAPPER.createObjectNode().put("type", "tool_use").put("id", id).put("name", name);
    block.putObject("input").put(key, value);
    return block;
  }

  public static ObjectNode bash(String id, String command) {
    return toolUse(id, "Bash", "command", command);
  }

  private ObjectNode base(String type) {
    ObjectNode line = Json.MAPPER.createObjectNode();
    line.put("type", type);
    line.put("sessionId", sessionId);
    line.put("uuid", sessionId + "-" + agentId + "-" + (++uuid));
    line.put("timestamp", start.plusSeconds(clock).toString());
    clock += 5;
    if (!cwd.isEmpty()) {
      line.put("cwd", cwd);
    }
    if (!agentId.isEmpty()) {
      line.put("isSidechain", true).put("agentId", agentId);
    }
    return line;
  }

  private Transcript add(ObjectNode line) {
    lines.add(Json.compact(line));
    return this;
  }
}
