package dev.gttrainset.pipeline;

import dev.gttrainset.parse.Timestamps;
import dev.gttrainset.parse.RunWindow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The run's window from its options: ISO times or dates, read in UTC when they carry no zone. */
final class RunWindows {
  private RunWindows() {}

  static RunWindow fromOptions(GtTrainsetOptions options, Instant now) throws UsageException {
    if (options.getSettleMinutes() < 0) {
      throw new UsageException("--settleMinutes must not be negative");
    }
    long since = time("--since", options.getSince());
    long until = time("--until", options.getUntil());
    try {
      return RunWindow.of(since, until, options.getSettleMinutes() * 60_000L, now.toEpochMilli());
    } catch (IllegalArgumentException e) {
      throw new UsageException("--since and --until: " + e.getMessage());
    }
  }

  /** The day a date template stands for: that of --since, else today (UTC). */
  static LocalDate day(GtTrainsetOptions options, Instant now) throws UsageException {
    long since = time("--since", options.getSince());
    Instant day = since == Timestamps.NONE ? now : Instant.ofEpochMilli(since);
    return day.atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** An ISO date (midnight UTC) or time as epoch millis, or {@link Timestamps#NONE} for blank. */
  static long time(String flag, String text) throws UsageException {
    if (text.isBlank()) {
      return Timestamps.NONE;
    }
    try {
      return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException notADate) {
      long millis = Timestamps.parseMillis(text.strip());
      if (millis == Timestamps.NONE) {
        throw new UsageException(flag + ": not an ISO-8601 date or time: " + text);
      }
      return millis;
    }
  }
}
