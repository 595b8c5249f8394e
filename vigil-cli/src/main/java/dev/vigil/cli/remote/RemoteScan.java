package dev.vigil.cli.remote;

import dev.vigil.image.Image;
import dev.vigil.image.ImageInput;
import dev.vigil.model.LayerRef;
import dev.vigil.model.Manifest;
import dev.vigil.model.VulnerabilityReport;
import dev.vigil.registry.ImageReference;
import dev.vigil.registry.Platform;
import dev.vigil.registry.RegistryClient;
import dev.vigil.registry.RegistrySettings;
import dev.vigil.registry.ResolvedImage;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code vigil scan --server}: lets a Clair v4 server index an image and match it. A registry image
 * is given to the server as layer URLs with the registry's authorization, as Clair's clients do;
 * when the server answers that it cannot fetch a layer, and always for a local image, the client
 * reads the layers itself and uploads those the server lacks (Vigil's extension), then indexes the
 * manifest against them.
 */
public final class RemoteScan {
  private static final Duration UPLOAD_TIMEOUT = Duration.ofMinutes(30);

  private final ClairHttp http;
  private final RegistrySettings registry;
  private final Platform platform;
  private final Consumer<String> say;

  /**
   * A scan through {@code http}.
   *
   * @param registry how to reach registries (and where to cache their layers)
   * @param platform which image of a multi-platform index to scan
   * @param say hears one-line notes for the user
   */
  public RemoteScan(
      ClairHttp http, RegistrySettings registry, Platform platform, Consumer<String> say) {
    this.http = http;
    this.registry = registry;
    this.platform = platform;
    this.say = say;
  }

  /**
   * The outcome: the image's name and its vulnerability report.
   *
   * @param name the image as scanned, with its digest for registry images
   * @param report the server's report
   */
  public record Result(String name, VulnerabilityReport report) {}

  /**
   * Scans {@code image}: a registry reference or a local input.
   *
   * @throws ScanException when the input is not an image or the server refuses it
   * @throws IOException when the server or the registry cannot be reached
   */
  public Result scan(String image) throws IOException {
    ImageInput input = ImageInput.parse(image);
    ClairV4Api api = new ClairV4Api(http);
    if (input.kind() != ImageInput.Kind.REGISTRY) {
      Image local = ImageInput.open(image, platform, registry);
      Manifest manifest = uploadedManifest(local);
      requireIndexed(api.index(manifest), manifest);
      return new Result(local.name(), api.report(manifest.hash()));
    }
    ImageReference reference;
    try {
      reference = ImageReference.parse(input.location());
    } catch (IllegalArgumentException e) {
      throw new ScanException(e.getMessage(), e);
    }
    ResolvedImage resolved = new RegistryClient(registry).resolve(reference, platform);
    Manifest manifest =
        ClairV4Api.manifest(
            resolved.manifestDigest(),
            resolved.layers(),
            resolved.layerUris(),
            resolved.authorization());
    if (!api.index(manifest)) {
      say.accept("the server cannot fetch the layers of " + reference + "; uploading them");
      upload(ImageInput.open(image, platform, registry));
      requireIndexed(api.index(manifest), manifest);
    }
    return new Result(
        reference.withDigest(resolved.manifestDigest()).toString(), api.report(manifest.hash()));
  }

  /** Uploads what the server lacks of {@code image}; its manifest names layers by digest only. */
  private Manifest uploadedManifest(Image image) throws IOException {
    upload(image);
    List<LayerRef> layers =
        image.layers().stream().map(l -> new LayerRef(l.digest(), null, null)).toList();
    return new Manifest(image.manifestDigest(), layers);
  }

  private void upload(Image image) throws IOException {
    int uploaded = new LayerUploader(http, UPLOAD_TIMEOUT).upload(image.layers());
    say.accept(
        "uploaded "
            + uploaded
            + " of "
            + image.layers().size()
            + " layers to the server (it had the others)");
  }

  private static void requireIndexed(boolean indexed, Manifest manifest) throws ScanException {
    if (!indexed) {
      throw new ScanException(
          "scan: the server still cannot read the layers of " + manifest.hash() + " after upload");
    }
  }
}
