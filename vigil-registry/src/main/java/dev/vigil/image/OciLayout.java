package dev.vigil.image;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.layer.LayerSource;
import dev.vigil.layer.TarLayer;
import dev.vigil.model.Digest;
import dev.vigil.registry.Platform;
import dev.vigil.registry.VerifyingInputStream;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Opens an image from an OCI image layout, in a directory ({@code oci:}) or a tar ({@code
 * oci-archive:}): {@code index.json} names the manifest, by its {@code
 * org.opencontainers.image.ref.name} annotation when several are listed; a nested image index is
 * resolved to the requested platform. The manifest and config blobs are checked against their
 * digests when read, the layer blobs as they stream.
 */
final class OciLayout {
  static final String REF_NAME = "org.opencontainers.image.ref.name";
  private static final int MAX_NESTING = 4;

  private final ImageFiles files;
  private final String component;
  private final Platform platform;

  private OciLayout(ImageFiles files, String component, Platform platform) {
    this.files = files;
    this.component = component;
    this.platform = platform;
  }

  /**
   * Opens the image that {@code ref} (or, when null, the only image) names.
   *
   * @throws ScanException when the layout is malformed, the ref is unknown or ambiguous, or a blob
   *     is missing or does not match its digest
   */
  static Image read(ImageFiles files, String component, String ref, Platform platform, String name)
      throws IOException {
    OciLayout layout = new OciLayout(files, component, platform);
    if (!files.exists("oci-layout")) {
      throw new ScanException(component + ": " + files.location() + " has no oci-layout file");
    }
    ImageJson.read(files, "oci-layout", component);
    JsonNode index = ImageJson.read(files, "index.json", component);
    Descriptor selected = layout.select(layout.descriptors(index, "index.json"), ref);
    boolean named = ref == null && selected.refName() != null;
    return layout.image(selected, named ? name + ":" + selected.refName() : name);
  }

  /** One entry of an index: what it points at and what it says about it. */
  private record Descriptor(Digest digest, long size, String refName, Platform platform) {}

  private List<Descriptor> descriptors(JsonNode index, String what) throws ScanException {
    List<Descriptor> descriptors = new ArrayList<>();
    for (JsonNode entry : index.path("manifests")) {
      descriptors.add(
          new Descriptor(
              ImageJson.digest(entry.path("digest"), component, what),
              entry.path("size").asLong(-1),
              entry.path("annotations").path(REF_NAME).asText(null),
              Platform.of(entry.path("platform"))));
    }
    if (descriptors.isEmpty()) {
      throw new ScanException(component + ": " + what + " lists no manifests");
    }
    return descriptors;
  }

  private Descriptor select(List<Descriptor> all, String ref) throws ScanException {
    List<Descriptor> candidates =
        ref == null ? all : all.stream().filter(d -> ref.equals(d.refName())).toList();
    if (candidates.isEmpty()) {
      throw new ScanException(
          component + ": no image named '" + ref + "' in " + files.location() + refs(all));
    }
    long named = candidates.stream().map(Descriptor::refName).distinct().count();
    if (candidates.size() > 1 && ref == null && named > 1) {
      throw new ScanException(
          component + ": " + files.location() + " holds several images; name one" + refs(all));
    }
    return candidates.size() == 1 ? candidates.get(0) : forPlatform(candidates, "index.json");
  }

  private String refs(List<Descriptor> all) {
    String names =
        all.stream()
            .map(Descriptor::refName)
            .filter(Objects::nonNull)
            .distinct()
            .sorted()
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? " (it names none)" : " (refs: " + names + ")";
  }

  private Descriptor forPlatform(List<Descriptor> candidates, String what) throws ScanException {
    for (Descriptor candidate : candidates) {
      if (candidate.platform() != null && platform.matches(candidate.platform())) {
        return candidate;
      }
    }
    String available =
        candidates.stream()
            .map(d -> String.valueOf(d.platform()))
            .collect(Collectors.joining(", "));
    throw new ScanException(
        component + ": " + what + " has no image for " + platform + " (it has " + available + ")");
  }

  private Image image(Descriptor descriptor, String name) throws IOException {
    Descriptor current = descriptor;
    JsonNode document = blob(current);
    for (int depth = 0; document.has("manifests"); depth++) {
      if (depth == MAX_NESTING) {
        throw new ScanException(component + ": image indexes nest too deeply");
      }
      current =
          forPlatform(
              descriptors(document, "index " + current.digest()), "index " + current.digest());
      document = blob(current);
    }
    List<LayerSource> layers = new ArrayList<>();
    for (JsonNode layer : document.path("layers")) {
      Digest digest =
          ImageJson.digest(layer.path("digest"), component, "manifest " + current.digest());
      layers.add(layer(digest));
    }
    JsonNode configDescriptor = document.path("config");
    Platform found = current.platform();
    if (configDescriptor.has("digest")) {
      Digest config = ImageJson.digest(configDescriptor.path("digest"), component, "manifest");
      Platform fromConfig = Platform.of(blob(new Descriptor(config, -1, null, null)));
      found = fromConfig != null ? fromConfig : found;
    }
    return new Image(current.digest(), layers, name, found);
  }

  private LayerSource layer(Digest digest) throws ScanException {
    String path = path(digest);
    if (!files.exists(path)) {
      throw new ScanException(
          component + ": layer blob " + digest + " is missing from " + files.location());
    }
    return new TarLayer(
        digest, () -> new VerifyingInputStream(files.open(path), digest, component));
  }

  private JsonNode blob(Descriptor descriptor) throws IOException {
    String path = path(descriptor.digest());
    if (!files.exists(path)) {
      throw new ScanException(
          component + ": blob " + descriptor.digest() + " is missing from " + files.location());
    }
    byte[] bytes = files.read(path, ImageJson.MAX_DOCUMENT, component);
    VerifyingInputStream.check(bytes, descriptor.digest(), component);
    if (descriptor.size() >= 0 && descriptor.size() != bytes.length) {
      throw new ScanException(
          component
              + ": blob "
              + descriptor.digest()
              + " is "
              + bytes.length
              + " bytes long, not the "
              + descriptor.size()
              + " its descriptor says");
    }
    return ImageJson.parse(bytes, component, "blob " + descriptor.digest());
  }

  private static String path(Digest digest) {
    return "blobs/" + digest.algorithm() + "/" + digest.hex();
  }
}
