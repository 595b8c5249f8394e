package dev.vigil.feed;

import java.io.IOException;

/**
 * The source has no such file: an HTTP 404 or a missing file in a {@code file:} mirror. Callers for
 * which a file is optional catch this one; any other failure stays an {@link IOException}.
 */
public class FeedNotFoundException extends IOException {
  private static final long serialVersionUID = 1L;

  /** An error whose message starts with {@code feed:}. */
  public FeedNotFoundException(String message) {
    super(message);
  }
}
