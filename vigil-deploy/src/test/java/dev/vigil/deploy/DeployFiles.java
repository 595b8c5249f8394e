package dev.vigil.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates what the project ships under {@code deploy/} (tests run in the module's directory). */
final class DeployFiles {
  private DeployFiles() {}

  /** {@code deploy/REL} of the project; fails when it is missing. */
  static Path path(String relative) {
    Path root = Path.of("").toAbsolutePath();
    while (root != null && !Files.isDirectory(root.resolve("deploy"))) {
      root = root.getParent();
    }
    if (root == null) {
      throw new IllegalStateException(
          "deploy: no deploy/ folder above " + Path.of("").toAbsolutePath());
    }
    Path path = root.resolve("deploy").resolve(relative);
    if (!Files.exists(path)) {
      throw new IllegalStateException("deploy: missing " + path);
    }
    return path;
  }

  /** The Helm chart. */
  static Path chart() {
    return path("helm/vigil");
  }
}
