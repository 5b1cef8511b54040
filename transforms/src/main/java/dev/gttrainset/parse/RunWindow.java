package dev.gttrainset.parse;

import dev.gttrainset.parse.Timestamps;
import java.io.Serializable;

/**
 * Which sessions a run takes: those whose last record falls in {@code [since, until)} and that are
 * no longer being written. A session is still being written when its files changed in the last
 * {@code settle} and its last record is that recent too (a town copied a minute ago is not busy:
 * its records are old); such a session is left for a later run.
 */
public final class RunWindow implements Serializable {
  /** What a run does with a session. */
  public enum Verdict {
    IN_WINDOW,
    OUTSIDE_WINDOW,
    STILL_BEING_WRITTEN
  }

  private final long sinceMillis;
  private final long untilMillis;
  private final long settleMillis;
  private final long nowMillis;

  private RunWindow(long sinceMillis, long untilMillis, long settleMillis, long nowMillis) {
    this.sinceMillis = sinceMillis;
    this.untilMillis = untilMillis;
    this.settleMillis = settleMillis;
    this.nowMillis = nowMillis;
  }

  /**
   * @param since the window's start, {@link Timestamps#NONE} for none
   * @param until the window's end (excluded), {@link Timestamps#NONE} for none
   * @param now the run's clock, read once when it starts
   */
  public static RunWindow of(long since, long until, long settleMillis, long now) {
    if (since != Timestamps.NONE && until != Timestamps.NONE && since >= until) {
      throw new IllegalArgumentException("the window must end after it starts");
    }
    return new RunWindow(since, until == Timestamps.NONE ? Long.MAX_VALUE : until, settleMillis, now);
  }

  /** Every session, whenever it ran; nothing is still being written. */
  public static RunWindow everything() {
    return new RunWindow(Timestamps.NONE, Long.MAX_VALUE, 0, 0);
  }

  public boolean bounded() {
    return sinceMillis != Timestamps.NONE || untilMillis != Long.MAX_VALUE;
  }

  /**
   * Whether a file's last record can change its session's verdict. Without a window only a file
   * that changed within the settle time can: records are written before the file changes, so an
   * older file's records are older still, and its change time stands in for them. (Records from a
   * machine whose clock ran ahead of this one's break that; such a session may be taken early.)
   */
  public boolean needsLastRecord(long lastModifiedMillis) {
    return bounded() || (settleMillis > 0 && lastModifiedMillis >= nowMillis - settleMillis);
  }

  /**
   * @param lastRecordMillis the latest timestamp in the session's files, or {@link Timestamps#NONE}
   * @param lastModifiedMillis when the session's files last changed
   */
  public Verdict judge(long lastRecordMillis, long lastModifiedMillis) {
    if (lastRecordMillis == Timestamps.NONE) {
      // A session without a single timestamp has no place in a window, only in a run of everything.
      return bounded() ? Verdict.OUTSIDE_WINDOW : Verdict.IN_WINDOW;
    }
    if (lastRecordMillis < sinceMillis || lastRecordMillis >= untilMillis) {
      return Verdict.OUTSIDE_WINDOW;
    }
    long settled = nowMillis - settleMillis;
    if (settleMillis > 0 && lastModifiedMillis >= settled && lastRecordMillis >= settled) {
      return Verdict.STILL_BEING_WRITTEN;
    }
    return Verdict.IN_WINDOW;
  }
}
