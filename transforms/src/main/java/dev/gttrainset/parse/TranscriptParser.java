package dev.gttrainset.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gttrainset.model.Conversation;
import dev.gttrainset.model.ToolCall;
import dev.gttrainset.stats.Counters;
import dev.gttrainset.stats.StatKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one Claude Code transcript, line by line. Every line ends up in exactly one place: used (it
 * carried a message), skipped with a counted reason (a record type we do not train on, a blank
 * line, a repeated uuid, a message without content), or a dead letter with its line number.
 */
public final class TranscriptParser implements LineReader.Sink {
  public static final String SOURCE = "sessions";
  private static final String INTERRUPTED = "[Request interrupted by user";
  private static final String SYNTHETIC_MODEL = "<synthetic>";

  private final TranscriptPath path;
  private final JsonLineReader lines;
  private final Map<String, ConversationDraft> drafts = new LinkedHashMap<>();
  private final Set<String> usedUuids = new HashSet<>();
  private final ParentLinks parentLinks = new ParentLinks();
  private final Map<String, Long> recordsBySession = new HashMap<>();
  private String lastSessionId = "";

  public TranscriptParser(TranscriptPath path) {
    this.path = path;
    this.lines = new JsonLineReader(SOURCE, path.relativePath());
  }

  public void accept(String rawLine) {
    line(rawLine, true);
  }

  @Override
  public void line(String rawLine, boolean terminated) {
    JsonNode record = lines.read(rawLine, terminated);
    if (record == null) {
      return;
    }
    try {
      accept(record, rawLine);
    } catch (RuntimeException e) {
      // A record of a shape no rule foresaw: its line is a dead letter, not the job's end.
      lines.deadLetter("unreadable-record", e.toString(), rawLine);
    }
  }

  private void accept(JsonNode record, String rawLine) {
    String type = Json.text(record, "type");
    if (type.isEmpty()) {
      lines.deadLetter("missing-type", "the record has no \"type\"", rawLine);
      return;
    }
    lines.counters().increment(StatKeys.recordType(type));
    parentLinks.add(Json.text(record, "uuid"), Json.text(record, "parentUuid"));
    if (path.isCompactionAgent()) {
      lines.skip("compaction-agent");
      return;
    }
    String recordSession = Json.text(record, "sessionId");
    if (!recordSession.isEmpty()) {
      recordsBySession.merge(recordSession, 1L, Long::sum);
      lastSessionId = recordSession;
    }
    ConversationDraft draft = draftFor(record);
    long timestamp = Timestamps.parseMillis(Json.text(record, "timestamp"));
    draft.noteTimestamp(timestamp);
    draft.noteContext(
        Json.text(record, "cwd"), Json.text(record, "gitBranch"), Json.text(record, "version"));
    if (!type.equals("user") && !type.equals("assistant")) {
      lines.skip(type);
      return;
    }
    // Claude Code may write a record twice (resume, retries): the first usable copy counts.
    String uuid = Json.text(record, "uuid");
    if (!uuid.isEmpty() && usedUuids.contains(uuid)) {
      lines.skip("duplicate-uuid");
      return;
    }
    boolean used =
        type.equals("user")
            ? readUser(draft, record.get("message"), timestamp)
            : readAssistant(draft, record, timestamp);
    if (used) {
      lines.used();
      if (!uuid.isEmpty()) {
        usedUuids.add(uuid);
      }
    } else {
      lines.skip(type + "-without-content");
    }
  }

  @Override
  public void badLine(String reason, String detail, String excerpt) {
    lines.badLine(reason, detail, excerpt);
  }

  /** Records that the rest of the file could not be read (an I/O error, a corrupt archive). */
  public void fileFailed(String reason, String detail) {
    lines.fileFailed(reason, detail);
  }

  public ParsedTranscript finish() {
    lines.fileDone();
    Counters counters = lines.counters();
    String sessionId = sessionId();
    // Resumed sessions copy earlier records: the file belongs to the session it was last written for.
    long others = recordsBySession.entrySet().stream()
        .filter(e -> !e.getKey().equals(sessionId)).mapToLong(Map.Entry::getValue).sum();
    if (others > 0) {
      counters.add(StatKeys.RECORDS_NAMING_ANOTHER_SESSION, others);
    }
    List<Conversation> conversations = new ArrayList<>();
    for (ConversationDraft draft : drafts.values()) {
      Conversation conversation = draft.build(path, sessionId, counters);
      if (conversation != null) {
        conversations.add(conversation);
      }
    }
    counters.add(StatKeys.CONVERSATIONS, conversations.size());
    counters.add(StatKeys.PARENT_UUID_CYCLES, parentLinks.cycles());
    return new ParsedTranscript(conversations, lines.deadLetters(), counters);
  }

  /**
   * The session is the one the file's last records name, wherever it lies and whatever it is called
   * (an export's {@code full.jsonl}); its name only when no record names one.
   */
  private String sessionId() {
    return lastSessionId.isEmpty() ? path.sessionId() : lastSessionId;
  }

  private ConversationDraft draftFor(JsonNode record) {
    if (path.isSubagent()) {
      return drafts.computeIfAbsent(path.agentId(), id -> new ConversationDraft(id, true));
    }
    if (record.path("isSidechain").asBoolean(false)) {
      // Older Claude Code wrote subagent turns into the session file itself.
      String recorded = Json.text(record, "agentId");
      String agentId = recorded.isEmpty() ? "sidechain" : recorded;
      return drafts.computeIfAbsent(agentId, id -> new ConversationDraft(id, true));
    }
    return drafts.computeIfAbsent("", id -> new ConversationDraft(id, false));
  }

  private boolean readUser(ConversationDraft draft, JsonNode message, long timestamp) {
    if (message == null || !message.isObject()) {
      return false;
    }
    JsonNode content = message.get("content");
    List<String> texts = new ArrayList<>();
    boolean any = false;
    if (content != null && content.isTextual()) {
      texts.add(content.asText());
    } else if (content != null && content.isArray()) {
      for (JsonNode block : content) {
        String blockType = block.isTextual() ? "text" : Json.text(block, "type");
        switch (blockType) {
          case "text":
            texts.add(block.isTextual() ? block.asText() : Json.text(block, "text"));
            break;
          case "tool_result":
            draft.addToolResult(
                Json.text(block, "tool_use_id"),
                ContentText.of(block.get("content")),
                block.path("is_error").asBoolean(false),
                timestamp);
            any = true;
            break;
          case "image":
          case "document":
            texts.add("[" + blockType + "]");
            break;
          default:
            break;
        }
      }
    }
    String text = String.join("\n\n", texts).strip();
    if (!text.isEmpty()) {
      draft.addUser(text, text.startsWith(INTERRUPTED), timestamp);
      any = true;
    }
    return any;
  }

  private boolean readAssistant(ConversationDraft draft, JsonNode record, long timestamp) {
    JsonNode message = record.get("message");
    if (message == null || !message.isObject()) {
      return false;
    }
    JsonNode content = message.get("content");
    if (content == null || !(content.isArray() || content.isTextual())) {
      return false;
    }
    String messageId = Json.text(message, "id");
    if (messageId.isEmpty()) {
      messageId = "line-" + lines.lineNumber();
    }
    ConversationDraft.AssistantDraft assistant = draft.assistant(messageId, timestamp);
    if (content.isTextual()) {
      assistant.addText(content.asText());
    } else {
      for (JsonNode block : content) {
        switch (Json.text(block, "type")) {
          case "text":
            assistant.addText(Json.text(block, "text"));
            break;
          case "thinking":
            assistant.addThinking(Json.text(block, "thinking"));
            break;
          case "tool_use":
            assistant.addCall(
                ToolCall.create(
                    Json.text(block, "id"),
                    Json.text(block, "name"),
                    Json.compact(block.path("input"))));
            break;
          default:
            break;
        }
      }
    }
    if (record.path("isApiErrorMessage").asBoolean(false)
        || SYNTHETIC_MODEL.equals(Json.text(message, "model"))) {
      assistant.markApiError();
    }
    JsonNode outputTokens = message.path("usage").path("output_tokens");
    if (outputTokens.canConvertToLong()) {
      draft.noteOutputTokens(messageId, outputTokens.asLong());
    }
    return true;
  }
}
