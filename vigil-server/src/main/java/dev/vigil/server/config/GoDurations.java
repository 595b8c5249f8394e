package dev.vigil.server.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations written as Go's {@code time.ParseDuration} does, as Clair's config has them. */
final class GoDurations {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
  private static final Map<String, Long> NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "ms", 1_000_000L,
          "s", 1_000_000_000L,
          "m", 60_000_000_000L,
          "h", 3_600_000_000_000L);

  private GoDurations() {}

  /**
   * Parses text such as {@code 6h}, {@code 30m}, {@code 1h30m} or {@code 1.5s}.
   *
   * @param key the configuration key, for error messages
   */
  static Duration parse(String key, String text) {
    String trimmed = text.trim();
    Matcher m = PART.matcher(trimmed);
    BigDecimal nanos = BigDecimal.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      nanos =
          nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(NANOS.get(m.group(2)))));
      end = m.end();
    }
    if (end == 0 || end != trimmed.length()) {
      throw new ConfigException(
          "config: " + key + ": '" + text + "' is not a duration such as 30m, 6h or 1h30m");
    }
    return Duration.ofNanos(nanos.longValueExact());
  }
}
