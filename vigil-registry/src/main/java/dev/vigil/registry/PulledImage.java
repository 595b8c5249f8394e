package dev.vigil.registry;

import dev.vigil.layer.LayerSource;
import dev.vigil.model.Digest;
import java.util.List;

/**
 * An image fetched from a registry: every blob is in the layer cache, and its layers read from
 * there.
 *
 * @param name the reference, pinned to the manifest digest, e.g. {@code
 *     127.0.0.1:5000/rig/tiny:1.0@sha256:…}
 * @param manifestDigest the digest of the image manifest (not of the index that led to it)
 * @param layers the layers, base first
 * @param platform the image's platform, or null when unknown
 */
public record PulledImage(
    String name, Digest manifestDigest, List<LayerSource> layers, Platform platform) {

  /** Copies the layer list. */
  public PulledImage {
    layers = List.copyOf(layers);
  }
}
