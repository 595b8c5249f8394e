package dev.vigil.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies test resources out of the classpath (a directory or this module's test jar). */
public final class TestResources {
  private TestResources() {}

  /**
   * Copies the resource at {@code name} (e.g. {@code sbom/trivy-cyclonedx-1.5-bom.json}) into
   * {@code dir} under its file name and returns the copy.
   */
  public static Path copy(String name, Path dir) throws IOException {
    Path target = dir.resolve(Path.of(name).getFileName().toString());
    try (InputStream in = TestResources.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalStateException("test resource missing: " + name);
      }
      Files.copy(in, target);
    }
    return target;
  }
}
