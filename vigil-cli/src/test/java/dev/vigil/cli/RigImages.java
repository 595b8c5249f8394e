package dev.vigil.cli;

import dev.vigil.image.Image;
import dev.vigil.image.ImageInput;
import dev.vigil.layer.LayerCollector;
import dev.vigil.layer.LayerSource;
import dev.vigil.layer.OverlayTree;
import dev.vigil.spi.FileFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The rig's image archives, built by {@code ../shared/rig/build-images.sh} into {@code
 * $VIGIL_RIG_IMAGES} (system property {@code vigil.rig.images}, default {@code
 * /tmp/vigil-rig-images}); scripts/test.sh builds them.
 */
final class RigImages {
  private static final String DEFAULT = "/tmp/vigil-rig-images";

  private RigImages() {}

  /** The archive folder; fails, naming the fix, when the images were not built. */
  static Path dir() {
    String configured = System.getProperty("vigil.rig.images", "");
    Path dir = Path.of(configured.isBlank() || configured.startsWith("${") ? DEFAULT : configured);
    if (!Files.isDirectory(dir.resolve("oci-layout"))) {
      throw new IllegalStateException(
          "rig: no image archives in "
              + dir
              + "; run scripts/test.sh (it runs ../shared/rig/build-images.sh "
              + dir
              + ")");
    }
    return dir;
  }

  /**
   * The input naming a tag of the rig's OCI layout, e.g. {@code oci:/tmp/…/oci-layout:tiny-1.0}.
   */
  static String oci(String ref) {
    return "oci:" + dir().resolve("oci-layout") + ":" + ref;
  }

  /** Opens a tag of the rig's OCI layout. */
  static Image open(String ref) throws IOException {
    return ImageInput.open(oci(ref));
  }

  /** A file as it stands in the image after its last layer, e.g. the final dpkg status. */
  static byte[] finalFile(Image image, String path) throws IOException {
    LayerCollector collector = new LayerCollector(FileFilter.exactly(path));
    try (OverlayTree tree = new OverlayTree()) {
      for (LayerSource layer : image.layers()) {
        tree.apply(collector.collect(layer));
      }
      return tree.read(path).orElseThrow(() -> new IllegalStateException("no " + path));
    }
  }
}
