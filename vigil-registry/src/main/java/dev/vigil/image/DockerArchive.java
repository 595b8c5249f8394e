package dev.vigil.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.layer.LayerPaths;
import dev.vigil.layer.LayerSource;
import dev.vigil.layer.TarLayer;
import dev.vigil.model.Digest;
import dev.vigil.registry.Platform;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Opens an image from a {@code docker save} archive: {@code manifest.json} lists the images, each
 * with its config and layer files, whether in the legacy {@code <id>/layer.tar} layout or the newer
 * {@code blobs/sha256/…} one, and with keys in any case (jib writes {@code layers}). Layers may be
 * plain, gzip or zstd tars. A layer's digest is the sha256 of its file as stored in the archive;
 * the image's manifest digest follows {@link Image#layerListDigest}.
 */
final class DockerArchive {
  private static final String COMPONENT = "docker-archive";

  private DockerArchive() {}

  /**
   * Opens the image tagged {@code ref} (or, when null, the only image of the archive).
   *
   * @param name the name shown when the image has no tag
   * @throws ScanException when manifest.json is missing or malformed, the ref is unknown or
   *     ambiguous, or a layer is missing
   */
  static Image read(ImageFiles files, String ref, String name) throws IOException {
    if (!files.exists("manifest.json")) {
      throw new ScanException(COMPONENT + ": " + files.location() + " has no manifest.json");
    }
    JsonNode manifest = ImageJson.read(files, "manifest.json", COMPONENT);
    if (!manifest.isArray() || manifest.isEmpty()) {
      throw new ScanException(COMPONENT + ": manifest.json lists no images");
    }
    JsonNode image = select(manifest, ref);
    List<String> tags = ImageJson.strings(ImageJson.field(image, "RepoTags"));
    List<LayerSource> layers = new ArrayList<>();
    for (String stored : ImageJson.strings(ImageJson.field(image, "Layers"))) {
      layers.add(layer(files, stored));
    }
    String shown = ref != null ? ref : tags.isEmpty() ? name : tags.get(0);
    return Image.ofLayers(layers, shown, platform(files, ImageJson.field(image, "Config")));
  }

  private static JsonNode select(JsonNode manifest, String ref) throws ScanException {
    List<String> all = new ArrayList<>();
    for (JsonNode image : manifest) {
      List<String> tags = ImageJson.strings(ImageJson.field(image, "RepoTags"));
      if (ref != null && (tags.contains(ref) || tags.contains(ref + ":latest"))) {
        return image;
      }
      all.addAll(tags);
    }
    if (ref == null && manifest.size() == 1) {
      return manifest.get(0);
    }
    String known = all.isEmpty() ? "it names none" : "tags: " + String.join(", ", all);
    throw new ScanException(
        ref == null
            ? COMPONENT
                + ": the archive holds "
                + manifest.size()
                + " images; name one ("
                + known
                + ")"
            : COMPONENT + ": no image tagged '" + ref + "' in the archive (" + known + ")");
  }

  private static LayerSource layer(ImageFiles files, String stored) throws IOException {
    Optional<String> name = LayerPaths.normalize(stored);
    if (name.isEmpty() || !files.exists(name.get())) {
      throw new ScanException(
          COMPONENT
              + ": layer "
              + stored
              + " listed in manifest.json is missing from "
              + files.location());
    }
    Digest digest = files.sha256(name.get());
    return new TarLayer(digest, () -> files.open(name.get()));
  }

  private static Platform platform(ImageFiles files, JsonNode config) throws IOException {
    Optional<String> name = LayerPaths.normalize(config.asText(""));
    if (name.isEmpty() || name.get().isEmpty() || !files.exists(name.get())) {
      return null;
    }
    return Platform.of(ImageJson.read(files, name.get(), COMPONENT));
  }
}
