package dev.vigil.server.fetch;

import java.io.IOException;

/**
 * A layer the server cannot get: its URI is refused or unreachable, it answers with an error, or it
 * has no URI and was not uploaded. A client that can reach the layer may upload it instead.
 */
public class LayerFetchException extends IOException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public LayerFetchException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public LayerFetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
