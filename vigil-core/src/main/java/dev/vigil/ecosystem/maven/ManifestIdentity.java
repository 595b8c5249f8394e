package dev.vigil.ecosystem.maven;

import dev.vigil.ecosystem.lang.LanguageFileScanner;
import dev.vigil.model.Package;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Names an archive without {@code pom.properties} from its {@code META-INF/MANIFEST.MF}: the name
 * is {@code Implementation-Title}, else {@code Bundle-SymbolicName} (without its parameters), the
 * version {@code Implementation-Version}, else {@code Bundle-Version}. The manifest carries no
 * Maven group, so the name is a bare one that Maven advisories, keyed by {@code
 * groupId:artifactId}, rarely match; it still shows in inventories and SBOMs.
 */
final class ManifestIdentity {
  private ManifestIdentity() {}

  /** The package the manifest names, or empty when it lacks a name or a version. */
  static Optional<Package> of(byte[] manifest) throws IOException {
    Attributes main = new Manifest(new ByteArrayInputStream(manifest)).getMainAttributes();
    String name = first(main, "Implementation-Title", "Bundle-SymbolicName");
    String version = first(main, "Implementation-Version", "Bundle-Version");
    int parameters = name.indexOf(';');
    if (parameters >= 0) {
      name = name.substring(0, parameters).trim();
    }
    return LanguageFileScanner.named(name, version);
  }

  private static String first(Attributes attributes, String... keys) {
    for (String key : keys) {
      String value = attributes.getValue(key);
      if (value != null && !value.isBlank()) {
        return value.trim();
      }
    }
    return "";
  }
}
