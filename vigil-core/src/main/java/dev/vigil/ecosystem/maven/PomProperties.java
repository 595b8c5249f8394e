package dev.vigil.ecosystem.maven;

import dev.vigil.ecosystem.lang.LanguageFileScanner;
import dev.vigil.model.Package;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * The {@code pom.properties} that Maven writes into every jar it builds, at {@code
 * META-INF/maven/GROUP/ARTIFACT/pom.properties}: {@code groupId}, {@code artifactId}, {@code
 * version}.
 */
final class PomProperties {
  private static final String PREFIX = "META-INF/maven/";
  private static final String NAME = "/pom.properties";

  private PomProperties() {}

  /** True for an entry name of the form {@code META-INF/maven/GROUP/ARTIFACT/pom.properties}. */
  static boolean isPomProperties(String name) {
    return name.startsWith(PREFIX)
        && name.endsWith(NAME)
        && name.substring(PREFIX.length(), name.length() - NAME.length()).split("/", -1).length
            == 2;
  }

  /** The artifact the properties name, or empty when one of the three keys is missing. */
  static Optional<Package> parse(byte[] content) throws IOException {
    Properties properties = new Properties();
    properties.load(
        new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.ISO_8859_1));
    String group = properties.getProperty("groupId", "").trim();
    String artifact = properties.getProperty("artifactId", "").trim();
    if (group.isEmpty() || artifact.isEmpty()) {
      return Optional.empty();
    }
    return LanguageFileScanner.named(group + ":" + artifact, properties.getProperty("version"));
  }
}
