package dev.gttrainset.stats;

import java.util.Locale;

/**
 * The names of the job's statistics. A key is a dotted path into {@code stats.json}: {@code
 * lines.skipped.progress} is {@code {"lines":{"skipped":{"progress":N}}}}. Every stage counts with
 * these keys, so the report and the accounting checks read one vocabulary.
 */
public final class StatKeys {
  public static final String FILES_READ = "files.read";
  public static final String FILES_FAILED = "files.failed";
  /** Pages of a live server that could not be had: dead letters, but no input wasted. */
  public static final String FILES_UNAVAILABLE = "files.unavailable";
  public static final String FILES_IGNORED = "files.ignored";
  public static final String FILES_EMPTY = "files.empty";
  public static final String FILES_SEEN_THROUGH_LINKS = "files.seen_again_through_links";
  /** Copies of a conversation that a longer file holds too (checkpoints): not read. */
  public static final String FILES_SHORTER_COPIES = "files.shorter_copies_not_read";

  public static final String LINES_READ = "lines.read";
  public static final String LINES_USED = "lines.used";
  public static final String LINES_DEAD_LETTERS = "lines.dead_letters";

  public static final String SESSIONS = "sessions.total";
  public static final String CONVERSATIONS = "sessions.conversations";
  public static final String SUBAGENT_CONVERSATIONS = "sessions.subagent_conversations";
  public static final String TURNS = "sessions.turns";
  public static final String PARENT_UUID_CYCLES = "sessions.parent_uuid_cycles";
  public static final String RECORDS_NAMING_ANOTHER_SESSION = "sessions.records_naming_another_session";
  public static final String EVENT_SESSIONS_WITHOUT_TRANSCRIPT = "sessions.event_sessions_without_transcript";
  /** Sessions no town event names, and those of them that started before the first session_start. */
  public static final String SESSIONS_WITHOUT_EVENT = "sessions.without_event";
  public static final String SESSIONS_BEFORE_SESSION_STARTS = "sessions.without_event_before_first_session_start";

  public static final String ORPHAN_TOOL_RESULTS = "sessions.orphan_tool_results_dropped";
  public static final String UNANSWERED_TOOL_CALLS = "sessions.unanswered_tool_calls_dropped";

  public static final String COSTS_MATCHED = "costs.records_matched";
  public static final String COSTS_UNMATCHED = "costs.records_unmatched";
  public static final String COSTS_SESSIONS = "costs.sessions_with_cost";

  public static final String SAMPLES_BUILT = "samples.built";
  public static final String SAMPLES_WRITTEN = "samples.written";
  public static final String SAMPLES_DUPLICATES = "samples.duplicates";
  public static final String SAMPLES_REJECTED = "samples.rejected";
  public static final String SAMPLES_PUBLISHED_BEFORE = "samples.duplicates_of_earlier_partitions";
  /** Duplicates that were not exact: counted in samples.duplicates too. */
  public static final String SAMPLES_NEAR_DUPLICATES = "samples.near_duplicates";
  /** Copies of rare roles' training samples that --balance=oversample added. */
  public static final String SAMPLES_REPEATED = "samples.repeated";
  public static final String NEAR_DUP_CLUSTERS = "near_duplicates.clusters";

  /** Clusters of near-duplicates by size, for the report's examples. */
  public static String nearDupClusterSize(int size) {
    return "near_duplicates.cluster_sizes." + (size >= 20 ? "20_or_more" : String.format("%02d", size));
  }
  public static final String TOOL_RESULTS_TRUNCATED = "samples.tool_results_truncated";
  public static final String MESSAGES_BEFORE_FIRST_PROMPT = "samples.messages_before_first_prompt";
  public static final String MESSAGES_UNFINISHED = "samples.prompts_without_answer";
  public static final String USER_TEXT_JOINED = "samples.user_messages_joined_to_the_turn_before";
  public static final String ASSISTANT_MESSAGES_JOINED = "samples.assistant_messages_joined";

  /** Assistant turns no sample trains, by why: interrupted, calls-cut-off, api-error. */
  public static String notTrained(String reason) {
    return "samples.turns_not_trained." + reason;
  }

  /** Places in written lines where the leak gate found a secret, and what it did with them. */
  public static final String LEAK_GATE_FINDINGS = "leak_gate.findings";
  public static final String LEAK_GATE_QUARANTINED = "leak_gate.quarantined_samples";
  public static final String LEAK_GATE_WITHHELD_REJECTS = "leak_gate.withheld_rejects";
  public static final String LEAK_GATE_WITHHELD_DEAD_LETTERS = "leak_gate.withheld_dead_letters";

  private StatKeys() {}

  /** Leak gate findings by the rule that made them: a scrub rule, or the gate's own detector. */
  public static String leakGateRule(String rule) {
    return "leak_gate.rules." + segment(rule);
  }

  /** Entries named like transcripts that are not readable files: folders, dangling links. */
  public static String notRead(String reason) {
    return "files.not_read." + segment(reason);
  }

  public static String skipped(String reason) {
    return "lines.skipped." + segment(reason);
  }

  public static String deadLetters(String reason) {
    return "dead_letters." + segment(reason);
  }

  public static String rejected(String reason) {
    return "rejects." + segment(reason);
  }

  public static String redactions(String ruleId) {
    return "redactions." + segment(ruleId);
  }

  /** Replacements of one rule in one role's samples: the report's role by rule table. */
  public static String redactionsByRole(String role, String ruleId) {
    return "redactions_by_role." + segment(role) + "." + segment(ruleId);
  }

  /** Signal records of a source that found a session, or did not: {@code outcomes.records.events.matched}. */
  public static String outcomeRecords(String source, String what) {
    return "outcomes.records." + segment(source) + "." + segment(what);
  }

  /** Sessions whose work a signal decided: {@code outcomes.signals.events:merged}. */
  public static String outcomeSignal(String signal) {
    return "outcomes.signals." + segment(signal);
  }

  /** Samples that have a score component, by the signal it came from. */
  public static String scoreComponent(String component, String signal) {
    return "score_components." + segment(component) + "." + segment(signal);
  }

  /** Written samples of a role by score, in tenths: {@code scores.mayor.0_8} holds 0.8 to 0.9. */
  public static String scoreBin(String role, double score) {
    int tenth = (int) Math.min(9, Math.floor(score * 10));
    return "scores." + segment(role) + ".0_" + tenth;
  }

  public static String roleSignal(String signal) {
    return "role_signals." + segment(signal);
  }

  public static String role(String role, String measure) {
    return "roles." + segment(role) + "." + measure;
  }

  public static String source(String source, String measure) {
    return "sources." + segment(source) + "." + measure;
  }

  public static final String WINDOW_FILES_UNTIMED = "window.files_with_unreadable_tails";

  /** What the run's window did with sessions and files: {@code window.sessions_in_window}, ... */
  public static String window(String measure) {
    return "window." + segment(measure);
  }

  /** A session left for a later run, with its last record's time as the value. */
  public static String stillBeingWritten(String sessionId) {
    return "still_being_written." + segment(sessionId);
  }

  public static String gtCommands(String actor) {
    return "gt_commands." + segment(actor);
  }

  /** Transcript lines by their record type, whatever became of them. */
  public static String recordType(String type) {
    return "record_types." + segment(type);
  }

  /**
   * The first or last moment a source's records cover ({@code edge} "first" or "last"), in epoch
   * milliseconds; {@code stats.json} shows it as a time.
   */
  public static String coverage(String source, String edge) {
    return "coverage." + segment(source) + "." + edge + MILLIS_SUFFIX;
  }

  /** The same, for one type of town event. */
  public static String eventCoverage(String type, String edge) {
    return "coverage.events_by_type." + segment(type) + "." + edge + MILLIS_SUFFIX;
  }

  /** A key ending so holds a moment in epoch milliseconds. */
  public static final String MILLIS_SUFFIX = "_millis";

  public static String eventType(String type) {
    return "event_types." + segment(type);
  }

  /**
   * Makes a name from the data safe as one path segment: lower case, no dots, bounded, so odd
   * record types cannot split or flood the statistics.
   */
  public static String segment(String name) {
    if (name.isEmpty()) {
      return "_";
    }
    String lower = name.toLowerCase(Locale.ROOT);
    // Called for every line read: no copy when the name is safe already.
    if (lower.length() <= 64 && lower.chars().allMatch(StatKeys::safe)) {
      return lower;
    }
    StringBuilder safe = new StringBuilder(Math.min(lower.length(), 64));
    // By code point, so that an emoji is one '_' and not two.
    lower.codePoints().forEach(c -> safe.appendCodePoint(safe(c) ? c : '_'));
    return safe.length() > 64 ? safe.substring(0, 64) : safe.toString();
  }

  private static boolean safe(int c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '/' || c == ':';
  }

}
