package dev.vigil.ecosystem.nvd;

import java.time.Duration;

/**
 * How politely the NVD API is asked: the pause between two requests and how often, after how long a
 * wait, a failed request is tried again. NVD allows 5 requests in a rolling 30 seconds without an
 * API key and 50 with one, and answers 403 or 503 when a client asks faster.
 *
 * @param pause the wait between two requests
 * @param retries how many times a failed request is tried again
 * @param retryWait the wait before trying again
 */
public record NvdPacing(Duration pause, int retries, Duration retryWait) {

  /** NVD's advice without an API key: one request every 6 seconds; 3 retries after 30 seconds. */
  public static final NvdPacing PUBLIC =
      new NvdPacing(Duration.ofSeconds(6), 3, Duration.ofSeconds(30));

  /** With an API key: ten times faster. */
  public static final NvdPacing WITH_KEY =
      new NvdPacing(Duration.ofMillis(600), 3, Duration.ofSeconds(30));
}
