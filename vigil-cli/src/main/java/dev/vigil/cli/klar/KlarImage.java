package dev.vigil.cli.klar;

import dev.vigil.model.Digest;
import dev.vigil.registry.ResolvedImage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * An image as klar sends it to Clair: its non-empty layers, each named as klar names them (the
 * config digest's hex then the layer digest's hex), with the blob URL and authorization.
 *
 * @param repository the repository, e.g. {@code library/alpine}, for the whitelist
 * @param manifestDigest the manifest digest, for the v4 API
 * @param layerCount how many layers the manifest lists, empty ones included
 * @param layers the layers to analyse, base first
 * @param authorization the {@code Authorization} value for the blobs, or null
 */
record KlarImage(
    String repository,
    String manifestDigest,
    int layerCount,
    List<Layer> layers,
    String authorization) {

  /** Docker's empty tar layer, which klar does not send. */
  static final String EMPTY_LAYER =
      "sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4";

  /**
   * One layer.
   *
   * @param name klar's layer name
   * @param digest the layer digest
   * @param uri the blob URL
   */
  record Layer(String name, String digest, URI uri) {}

  /** klar's view of an image resolved in its registry. */
  static KlarImage of(ResolvedImage resolved) {
    List<Layer> layers = new ArrayList<>();
    for (int i = 0; i < resolved.layers().size(); i++) {
      Digest digest = resolved.layers().get(i);
      if (!digest.toString().equals(EMPTY_LAYER)) {
        layers.add(
            new Layer(
                resolved.configDigest().hex() + digest.hex(),
                digest.toString(),
                resolved.layerUris().get(i)));
      }
    }
    return new KlarImage(
        resolved.reference().repository(),
        resolved.manifestDigest().toString(),
        resolved.layers().size(),
        layers,
        resolved.authorization());
  }
}
