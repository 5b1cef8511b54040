package dev.gttrainset.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a transcript's place says. Claude Code writes {@code <project>/<session-id>.jsonl}, and a
 * subagent of that session as {@code <project>/<session-id>/subagents/agent-<id>.jsonl}: the path
 * names the session, the agent and the encoded project folder ({@code -home-ubuntu-gt-mayor}).
 */
public final class TranscriptPath {
  private static final Pattern SUBAGENT =
      Pattern.compile("(?:^|(.*)/)([^/]+)/subagents/agent-([^/]+?)\\.jsonl(?:\\.gz)?$");
  /** Older Claude Code wrote a subagent beside its session: {@code <project>/agent-<id>.jsonl}. */
  private static final Pattern SIBLING_AGENT = Pattern.compile("(?:^|(.*)/)(agent-([^/]+?))\\.jsonl(?:\\.gz)?$");
  private static final Pattern SESSION = Pattern.compile("(?:^|(.*)/)([^/]+?)\\.jsonl(?:\\.gz)?$");
  private static final String COMPACTION_AGENT = "acompact";

  private final String relativePath;
  private final String projectDir;
  private final String sessionId;
  private final String agentId;

  private TranscriptPath(String relativePath) {
    this.relativePath = relativePath;
    Matcher subagent = SUBAGENT.matcher(relativePath);
    Matcher sibling = SIBLING_AGENT.matcher(relativePath);
    Matcher session = SESSION.matcher(relativePath);
    if (subagent.matches()) {
      this.projectDir = lastSegment(subagent.group(1));
      this.sessionId = subagent.group(2);
      this.agentId = subagent.group(3);
    } else if (sibling.matches()) {
      // Its records name the session; the name is all there is when none does.
      this.projectDir = lastSegment(sibling.group(1));
      this.sessionId = sibling.group(2);
      this.agentId = sibling.group(3);
    } else if (session.matches()) {
      this.projectDir = lastSegment(session.group(1));
      this.sessionId = session.group(2);
      this.agentId = "";
    } else {
      this.projectDir = "";
      this.sessionId = relativePath;
      this.agentId = "";
    }
  }

  /** @param relativePath the path below the sessions root, '/'-separated */
  public static TranscriptPath of(String relativePath) {
    return new TranscriptPath(relativePath);
  }

  /** A matched file's path below the sessions root (the whole path when it is not below it). */
  public static String relative(String root, String path) {
    String prefix = root.endsWith("/") ? root : root + "/";
    return path.startsWith(prefix) ? path.substring(prefix.length()) : path;
  }

  /** Whether the name is one Claude Code gives transcripts, plain or compressed. */
  public static boolean isTranscript(String path) {
    return path.endsWith(".jsonl") || path.endsWith(".jsonl.gz");
  }

  public String relativePath() {
    return relativePath;
  }

  /** The folder Claude Code named after the session's working directory, or "". */
  public String projectDir() {
    return projectDir;
  }

  /** The session the file belongs to: its own name, or for a subagent its parent's. */
  public String sessionId() {
    return sessionId;
  }

  public boolean isSubagent() {
    return !agentId.isEmpty();
  }

  /** The agent id from {@code agent-<id>.jsonl}, or "" for a session file. */
  public String agentId() {
    return agentId;
  }

  /**
   * A compaction agent ({@code agent-acompact-*}) summarises its parent for the context window: it
   * shows how to summarise, not how the role works, so it is not trained on.
   */
  public boolean isCompactionAgent() {
    return agentId.startsWith(COMPACTION_AGENT);
  }

  /**
   * The folder name Claude Code gives a working directory: every character but letters and digits
   * becomes '-', so {@code /home/ubuntu/gt} is {@code -home-ubuntu-gt}.
   */
  public static String encode(String path) {
    return path.replaceAll("[^A-Za-z0-9]", "-");
  }

  private static String lastSegment(String folder) {
    if (folder == null) {
      return "";
    }
    return folder.substring(folder.lastIndexOf('/') + 1);
  }
}
