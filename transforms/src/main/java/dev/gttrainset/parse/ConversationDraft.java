package dev.gttrainset.parse;

import dev.gttrainset.model.ChatMessage;
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
 * A conversation while its transcript is being read. Claude Code writes one API response as
 * several lines sharing {@code message.id}, and parallel tool calls interleave with their results:
 * the draft merges the lines of a response into one assistant message and, when built, puts every
 * tool result right after the message holding its call.
 */
final class ConversationDraft {
  private final String agentId;
  private final boolean sidechain;
  private String cwd = "";
  private String gitBranch = "";
  private String claudeVersion = "";
  private long firstTimestamp = Timestamps.NONE;
  private long lastTimestamp = Timestamps.NONE;
  private final List<Object> entries = new ArrayList<>();
  private final Map<String, AssistantDraft> assistantsById = new HashMap<>();
  private final Map<String, ToolResult> resultsByCallId = new LinkedHashMap<>();
  private final Map<String, Long> outputTokensByMessageId = new HashMap<>();
  private int duplicateResults;

  ConversationDraft(String agentId, boolean sidechain) {
    this.agentId = agentId;
    this.sidechain = sidechain;
  }

  /** Keeps the first non-empty working directory, branch and version the records name. */
  void noteContext(String recordCwd, String recordBranch, String recordVersion) {
    cwd = cwd.isEmpty() ? recordCwd : cwd;
    gitBranch = gitBranch.isEmpty() ? recordBranch : gitBranch;
    claudeVersion = claudeVersion.isEmpty() ? recordVersion : claudeVersion;
  }

  void noteTimestamp(long millis) {
    if (millis == Timestamps.NONE) {
      return;
    }
    firstTimestamp = firstTimestamp == Timestamps.NONE ? millis : Math.min(firstTimestamp, millis);
    lastTimestamp = Math.max(lastTimestamp, millis);
  }

  void addUser(String text, boolean interrupted, long timestamp) {
    entries.add(
        ChatMessage.user(text, timestamp).toBuilder().setInterrupted(interrupted).build());
  }

  void addToolResult(String callId, String content, boolean error, long timestamp) {
    if (resultsByCallId.containsKey(callId)) {
      duplicateResults++;
      return;
    }
    resultsByCallId.put(callId, new ToolResult(content, error, timestamp));
  }

  /** The assistant message with this API message id, created on its first line. */
  AssistantDraft assistant(String messageId, long timestamp) {
    return assistantsById.computeIfAbsent(
        messageId,
        id -> {
          AssistantDraft draft = new AssistantDraft(timestamp);
          entries.add(draft);
          return draft;
        });
  }

  void noteOutputTokens(String messageId, long tokens) {
    // Every line of a streamed response repeats the usage so far: keep the largest.
    outputTokensByMessageId.merge(messageId, tokens, Math::max);
  }

  /** The finished conversation, or null when nothing in it is a message. */
  Conversation build(TranscriptPath path, String sessionId, Counters counters) {
    List<ChatMessage> messages = new ArrayList<>();
    Set<String> answered = new HashSet<>();
    for (Object entry : entries) {
      if (entry instanceof ChatMessage) {
        messages.add((ChatMessage) entry);
        continue;
      }
      AssistantDraft draft = (AssistantDraft) entry;
      List<ToolCall> calls = new ArrayList<>();
      boolean dropped = false;
      for (ToolCall call : draft.calls) {
        if (resultsByCallId.containsKey(call.id()) && answered.add(call.id())) {
          calls.add(call);
        } else {
          counters.increment(StatKeys.UNANSWERED_TOOL_CALLS);
          dropped = true;
        }
      }
      ChatMessage message = draft.toMessage(calls).toBuilder().setCallsDropped(dropped).build();
      if (message.text().isEmpty() && message.thinking().isEmpty() && calls.isEmpty()) {
        continue;
      }
      messages.add(message);
      for (ToolCall call : calls) {
        ToolResult result = resultsByCallId.get(call.id());
        messages.add(ChatMessage.toolReply(call, result.content, result.error, result.timestamp));
      }
    }
    long orphans = resultsByCallId.keySet().stream().filter(id -> !answered.contains(id)).count();
    counters.add(StatKeys.ORPHAN_TOOL_RESULTS, orphans + duplicateResults);
    if (messages.isEmpty()) {
      return null;
    }
    long outputTokens = outputTokensByMessageId.values().stream().mapToLong(Long::longValue).sum();
    return Conversation.builder()
        .setSessionId(sessionId)
        .setAgentId(agentId)
        .setSidechain(sidechain)
        .setSourceFile(path.relativePath())
        .setProjectDir(path.projectDir())
        .setCwd(cwd)
        .setGitBranch(gitBranch)
        .setClaudeVersion(claudeVersion)
        .setFirstTimestampMillis(firstTimestamp)
        .setLastTimestampMillis(lastTimestamp)
        .setOutputTokens(outputTokens)
        .setMessages(List.copyOf(messages))
        .build();
  }

  /** An assistant message being assembled from the lines of one API response. */
  static final class AssistantDraft {
    private final long timestamp;
    private final List<String> texts = new ArrayList<>();
    private final List<String> thoughts = new ArrayList<>();
    private final List<ToolCall> calls = new ArrayList<>();
    private boolean apiError;

    private AssistantDraft(long timestamp) {
      this.timestamp = timestamp;
    }

    void addText(String text) {
      if (!text.isBlank()) {
        texts.add(text.strip());
      }
    }

    void addThinking(String thinking) {
      if (!thinking.isBlank()) {
        thoughts.add(thinking.strip());
      }
    }

    void addCall(ToolCall call) {
      calls.add(call);
    }

    void markApiError() {
      apiError = true;
    }

    private ChatMessage toMessage(List<ToolCall> answeredCalls) {
      return ChatMessage.assistant(String.join("\n\n", texts), List.copyOf(answeredCalls), timestamp)
          .toBuilder()
          .setThinking(String.join("\n\n", thoughts))
          .setApiError(apiError)
          .build();
    }
  }

  private static final class ToolResult {
    final String content;
    final boolean error;
    final long timestamp;

    ToolResult(String content, boolean error, long timestamp) {
      this.content = content;
      this.error = error;
      this.timestamp = timestamp;
    }
  }
}
