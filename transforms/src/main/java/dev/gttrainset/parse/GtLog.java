package dev.gttrainset.parse;

import com.google.auto.value.AutoValue;
import java.io.Serializable;

/** One Gas Town log to read: which kind, where, and the short label its file names get. */
@AutoValue
public abstract class GtLog implements Serializable {
  /** {@code events}, {@code costs} or {@code cmd_usage}, as in {@link dev.gttrainset.model.GtRecord}. */
  public abstract String source();

  public abstract String filepattern();

  /** Names the folder in dead letters ({@code town}, {@code gt_home}) without a machine path. */
  public abstract String label();

  public static GtLog create(String source, String filepattern, String label) {
    return new AutoValue_GtLog(source, filepattern, label);
  }
}
