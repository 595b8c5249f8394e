package dev.vigil.feed;

import java.time.Duration;

/**
 * Fetches feed files over http(s) or from {@code file:} mirrors, conditionally and with timeouts.
 */
public final class FeedClient {
  private final Duration timeout;

  /** A client whose connects and reads each give up after {@code timeout}. */
  public FeedClient(Duration timeout) {
    this.timeout = timeout;
  }

  /** The connect and read timeout. */
  public Duration timeout() {
    return timeout;
  }
}
