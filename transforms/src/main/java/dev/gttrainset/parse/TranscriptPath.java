package dev.gttrainset.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a transcript's place under {@code ~/.claude/projects} says: the encoded project folder, and
 * for a subagent ({@code <session>/subagents/agent-<id>.jsonl}) the parent session and agent id.
 */
public final class TranscriptPath {
  private static final Pattern SUBAGENT =
      Pattern.compile("(?:^|.*/)([^/]+)/subagents/agent-([^/]+?)\\.jsonl(?:\\.gz)?$");
  private static final Pattern STEM = Pattern.compile("([^/]+?)\\.jsonl(?:\\.gz)?$");

  private final String relativePath;
  private final String projectDir;
  private final String parentSessionId;
  private final String agentId;
  private final String stem;

  private TranscriptPath(String relativePath) {
    this.relativePath = relativePath;
    int slash = relativePath.indexOf('/');
    this.projectDir = slash > 0 ? relativePath.substring(0, slash) : "";
    Matcher subagent = SUBAGENT.matcher(relativePath);
    boolean isSubagent = subagent.matches();
    this.parentSessionId = isSubagent ? subagent.group(1) : "";
    this.agentId = isSubagent ? subagent.group(2) : "";
    Matcher stemMatcher = STEM.matcher(relativePath);
    this.stem = stemMatcher.find() ? stemMatcher.group(1) : relativePath;
  }

  /** @param relativePath the path below the sessions root, '/'-separated */
  public static TranscriptPath of(String relativePath) {
    return new TranscriptPath(relativePath);
  }

  public String relativePath() {
    return relativePath;
  }

  public String projectDir() {
    return projectDir;
  }

  public boolean isSubagent() {
    return !agentId.isEmpty();
  }

  /** The agent id from {@code agent-<id>.jsonl}, or "" for a session file. */
  public String agentId() {
    return agentId;
  }

  /** The session id a file's name implies, for files whose records do not carry one. */
  public String fallbackSessionId() {
    return isSubagent() ? parentSessionId : stem;
  }
}
