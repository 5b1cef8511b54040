package dev.gttrainset.gate;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The leak gate as the job's last step before writing: every output line is checked ({@link
 * LeakCheck}). By default what it finds is quarantined: a sample is not published but listed in
 * {@code rejects.jsonl} as {@code leak-gate} (rules and places, never the text), a reject or dead
 * letter keeps its place without its text, and the rest is published. {@code --leakGate=fail}
 * writes all and fails the run instead, as a gate that trusts nothing after a finding.
 */
public final class OutputGate implements Serializable {
  /** What a finding does to the run. */
  public enum Mode {
    QUARANTINE,
    FAIL;

    public static Mode parse(String name) {
      for (Mode mode : values()) {
        if (mode.name().equalsIgnoreCase(name.strip())) {
          return mode;
        }
      }
      throw new IllegalArgumentException("--leakGate must be quarantine or fail, not '" + name + "'");
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The reject reason of a quarantined sample. */
  public static final String REASON = "leak-gate";

  private final LeakCheck check;
  private final Mode mode;

  public OutputGate(LeakCheck check, Mode mode) {
    this.check = check;
    this.mode = mode;
  }

  public static OutputGate of(Mode mode) {
    return new OutputGate(LeakCheck.withDefaultRules(), mode);
  }

  /** What the gate finds in one output line; empty when it may be written as it is. */
  public List<Leak> check(String jsonLine) {
    return check.inRecord(jsonLine);
  }

  public boolean quarantines() {
    return mode == Mode.QUARANTINE;
  }
}
