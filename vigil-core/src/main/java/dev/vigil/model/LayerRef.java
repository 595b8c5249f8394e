package dev.vigil.model;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * A layer to fetch: its digest, where it lives and the headers a fetch needs (Clair v4's {@code
 * Layer} in a {@code Manifest}).
 *
 * @param hash the digest of the layer blob as stored (compressed)
 * @param uri where to fetch it
 * @param headers extra request headers, e.g. {@code Authorization}
 */
public record LayerRef(Digest hash, URI uri, Map<String, List<String>> headers) {

  /** Copies the headers. */
  public LayerRef {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
  }
}
