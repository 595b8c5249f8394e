package dev.vigil.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Dates as feeds write them. */
public final class FeedDates {
  private static final int DAY_LENGTH = "2024-01-31".length();

  private FeedDates() {}

  /**
   * The start (UTC) of the day a text starts with ({@code 2021-04-01}, {@code 2018-01-11 21:05}),
   * or null when it does not start with an ISO date.
   */
  public static Instant day(String text) {
    if (text == null || text.length() < DAY_LENGTH) {
      return null;
    }
    try {
      return LocalDate.parse(text.substring(0, DAY_LENGTH))
          .atStartOfDay(ZoneOffset.UTC)
          .toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
