package dev.vigil.registry;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A response worth trying again: a 5xx server error or 429 Too Many Requests, with the server's
 * {@code Retry-After} when it sent one.
 */
final class RetryableStatusException extends RegistryException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  private RetryableStatusException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** True for the statuses worth retrying: 429 and 5xx except 501 Not Implemented. */
  static boolean retryable(int status) {
    return status == 429 || (status >= 500 && status <= 599 && status != 501);
  }

  /** The exception for {@code reply}, which has a retryable status; the reply is closed. */
  static RetryableStatusException of(String what, Reply reply) {
    try {
      reply.close();
    } catch (java.io.IOException e) {
      // the status is what matters
    }
    Duration wait =
        reply.header("Retry-After").flatMap(RetryableStatusException::parse).orElse(null);
    return new RetryableStatusException("registry: " + what + " answered " + reply.status(), wait);
  }

  /** What the server asked to wait, if anything. */
  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Reads {@code Retry-After}: delay seconds or an HTTP date; negative waits count as none. */
  static Optional<Duration> parse(String value) {
    String text = value.trim();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notDate) {
        return Optional.empty();
      }
    }
  }
}
