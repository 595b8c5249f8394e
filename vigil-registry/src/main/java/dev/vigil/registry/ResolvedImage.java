package dev.vigil.registry;

import dev.vigil.model.Digest;
import java.net.URI;
import java.util.List;

/**
 * An image resolved in its registry without downloading its layers: what a server that fetches the
 * layers itself (Clair's v1 and v4 APIs) needs to be told.
 *
 * @param reference the reference that was resolved
 * @param manifestDigest the digest of the image manifest (not of the index that led to it)
 * @param configDigest the digest of the image config
 * @param layers the layer digests, base first
 * @param layerUris the blob URL of each layer, in the same order
 * @param authorization the {@code Authorization} value the registry accepted, or null for none
 */
public record ResolvedImage(
    ImageReference reference,
    Digest manifestDigest,
    Digest configDigest,
    List<Digest> layers,
    List<URI> layerUris,
    String authorization) {

  /** Copies the lists. */
  public ResolvedImage {
    layers = List.copyOf(layers);
    layerUris = List.copyOf(layerUris);
  }
}
