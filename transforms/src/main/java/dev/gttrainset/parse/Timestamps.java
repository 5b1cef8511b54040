package dev.gttrainset.parse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reads the timestamps our inputs carry: ISO-8601 with {@code Z} or an offset, with up to nine
 * fraction digits ({@code 2026-02-25T20:29:17.027066556+11:00}), or without a zone (taken as UTC).
 */
public final class Timestamps {
  /** Stands for "no timestamp": sorts before every real time. */
  public static final long NONE = Long.MIN_VALUE;

  private Timestamps() {}

  /** Epoch milliseconds, or {@link #NONE} when the text is empty or not a timestamp. */
  public static long parseMillis(String text) {
    if (text == null || text.isEmpty()) {
      return NONE;
    }
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException notLocal) {
        return NONE;
      }
    } catch (ArithmeticException outOfRange) {
      // A year such as +999999999 parses but has no epoch millisecond.
      return NONE;
    }
  }

  /** ISO-8601 in UTC with milliseconds, for reports. */
  public static String format(long millis) {
    return millis == NONE ? "" : Instant.ofEpochMilli(millis).toString();
  }
}
