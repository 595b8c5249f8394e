package dev.vigil.server.fetch;

import java.net.URI;

/** A layer URI the {@link AddressGuard} refuses: nothing was sent to it. */
public final class LayerUriRefusedException extends LayerFetchException {
  private static final long serialVersionUID = 1L;

  /** A refusal of {@code uri} for {@code reason}. */
  public LayerUriRefusedException(URI uri, String reason) {
    super("fetch: layer URI " + uri + " refused: " + reason);
  }
}
