package dev.vigil.server;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The registry rig's addresses and image digests ({@code /tmp/scanner-rig/rig.env} and {@code
 * $VIGIL_RIG_IMAGES/images.env}); a missing rig fails the test with how to start it.
 */
final class RigImages {
  private final Properties values = new Properties();

  private RigImages() {}

  /** Loads both files. */
  static RigImages load() throws IOException {
    RigImages rig = new RigImages();
    String images = System.getProperty("vigil.rig.images");
    Path imagesDir =
        Path.of(
            images == null || images.isBlank() || images.startsWith("${")
                ? "/tmp/vigil-rig-images"
                : images);
    for (Path file :
        new Path[] {Path.of("/tmp/scanner-rig/rig.env"), imagesDir.resolve("images.env")}) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalStateException(
            "rig: "
                + file
                + " is missing: run ../shared/rig/registry-up.sh and build-images.sh"
                + " (or scripts/test.sh)");
      }
      try (Reader reader = Files.newBufferedReader(file)) {
        rig.values.load(reader);
      }
    }
    return rig;
  }

  /** A value such as {@code RIG_REGISTRY_URL}. */
  String get(String key) {
    String value = values.getProperty(key);
    if (value == null) {
      throw new IllegalStateException("rig: " + key + " is not set; is the rig up?");
    }
    return value;
  }
}
