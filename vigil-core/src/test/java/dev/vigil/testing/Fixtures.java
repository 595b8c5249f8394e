package dev.vigil.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real-data fixtures ({@code ../shared/fixtures} beside the project root). */
public final class Fixtures {
  private Fixtures() {}

  /** The shared folder: system property {@code vigil.shared}, else {@code ../shared}. */
  public static Path shared() {
    String configured = System.getProperty("vigil.shared");
    Path dir = configured != null ? Path.of(configured) : Path.of("..", "shared");
    if (!Files.isDirectory(dir.resolve("fixtures"))) {
      // modules run with their own directory as working directory
      dir = Path.of("..", "..", "shared");
    }
    if (!Files.isDirectory(dir.resolve("fixtures"))) {
      throw new IllegalStateException(
          "fixtures: ../shared/fixtures not found beside the project root (set -Dvigil.shared)");
    }
    return dir.toAbsolutePath().normalize();
  }

  /** A fixture file or folder, e.g. {@code feeds/alpine-secdb/v3.10/main.json}. */
  public static Path fixture(String relative) {
    Path path = shared().resolve("fixtures").resolve(relative);
    if (!Files.exists(path)) {
      throw new IllegalStateException("fixtures: missing " + path);
    }
    return path;
  }
}
