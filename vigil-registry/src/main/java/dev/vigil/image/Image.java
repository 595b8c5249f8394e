package dev.vigil.image;

import dev.vigil.layer.LayerSource;
import dev.vigil.model.Digest;
import dev.vigil.registry.Platform;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * An image opened for indexing: its manifest digest and its layers, base layer first.
 *
 * <p>The manifest digest (Clair's {@code manifest_hash}) is the digest of the manifest blob for
 * inputs that have one (OCI layouts and archives). Inputs without a manifest blob (docker-archive,
 * {@code rootfs:}, {@code dir:}) use {@link #layerListDigest}: the sha256 of the UTF-8 text made of
 * each layer digest followed by {@code "\n"}, in order.
 *
 * @param manifestDigest the manifest digest, as described above
 * @param layers the layers, base layer first
 * @param name a human-readable name: the repo tag of a docker archive, else the input as given
 * @param platform {@code os/architecture[/variant]} from the image config, or null when unknown
 */
public record Image(
    Digest manifestDigest, List<LayerSource> layers, String name, Platform platform) {

  /** Checks the parts and copies the layer list. */
  public Image {
    Objects.requireNonNull(manifestDigest, "manifestDigest");
    Objects.requireNonNull(name, "name");
    layers = List.copyOf(layers);
  }

  /** An image without a manifest blob, its manifest digest derived from its layers. */
  public static Image ofLayers(List<LayerSource> layers, String name, Platform platform) {
    return new Image(layerListDigest(layers), layers, name, platform);
  }

  /** The sha256 of each layer digest followed by {@code "\n"}, in order. */
  public static Digest layerListDigest(List<? extends LayerSource> layers) {
    StringBuilder text = new StringBuilder();
    for (LayerSource layer : layers) {
      text.append(layer.digest()).append('\n');
    }
    return Digest.sha256(text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
