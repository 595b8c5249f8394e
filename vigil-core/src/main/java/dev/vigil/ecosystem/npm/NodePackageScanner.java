package dev.vigil.ecosystem.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.ecosystem.lang.LanguageFileScanner;
import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.model.Json;
import dev.vigil.model.Package;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import dev.vigil.spi.FoundPackage;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Lists the installed Node.js packages: every {@code package.json} at the top of a package
 * directory inside a {@code node_modules} directory ({@code node_modules/NAME/package.json} or
 * {@code node_modules/@SCOPE/NAME/package.json}, at any depth), as its {@code name} (with the
 * scope) at its {@code version} in the {@link OsvEcosystem#NPM npm} repository. Other {@code
 * package.json} files are not installed packages and are left alone: the application's own, those
 * deeper inside a package, and those without a name or a version.
 */
public final class NodePackageScanner extends LanguageFileScanner {
  private static final String NODE_MODULES = "node_modules";
  private static final String PACKAGE_JSON = "package.json";

  @Override
  public String name() {
    return "npm";
  }

  @Override
  public FileFilter files() {
    return NodePackageScanner::isInstalledManifest;
  }

  @Override
  protected List<FoundPackage> scanFile(FileTree tree, String path) throws IOException {
    return metadataFile(tree, path, OsvEcosystem.NPM, NodePackageScanner::parse);
  }

  private static Optional<Package> parse(byte[] content) throws ScanException {
    JsonNode manifest;
    try {
      manifest = Json.mapper().readTree(content);
    } catch (IOException e) {
      throw new ScanException("not JSON: " + e.getMessage(), e);
    }
    return named(text(manifest, "name"), text(manifest, "version"));
  }

  private static String text(JsonNode manifest, String field) {
    JsonNode value = manifest == null ? null : manifest.get(field);
    return value != null && value.isTextual() ? value.asText().trim() : "";
  }

  /**
   * True for {@code …node_modules/NAME/package.json} and {@code …node_modules/@S/N/package.json}.
   */
  static boolean isInstalledManifest(String path) {
    String[] parts = path.split("/", -1);
    int n = parts.length;
    if (n < 3 || !parts[n - 1].equals(PACKAGE_JSON)) {
      return false;
    }
    if (parts[n - 3].equals(NODE_MODULES)) {
      return !parts[n - 2].startsWith("@");
    }
    return n >= 4 && parts[n - 4].equals(NODE_MODULES) && parts[n - 3].startsWith("@");
  }
}
