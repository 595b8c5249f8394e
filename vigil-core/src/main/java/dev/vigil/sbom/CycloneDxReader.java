package dev.vigil.sbom;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Digest;
import dev.vigil.model.Distribution;
import dev.vigil.spi.ScanException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CycloneDX 1.4–1.6 JSON document: every component (nested ones too) with a {@code purl},
 * each {@code operating-system} component as a distribution ({@code name} its os-release {@code
 * ID}, {@code version} its {@code VERSION_ID}, {@code description} its pretty name), and the
 * subject image's SHA-256 hash as the manifest digest.
 */
final class CycloneDxReader {
  private static final Set<String> VERSIONS = Set.of("1.4", "1.5", "1.6");

  private CycloneDxReader() {}

  /** True for a CycloneDX document. */
  static boolean recognizes(JsonNode root) {
    return "CycloneDX".equals(root.path("bomFormat").asText());
  }

  /**
   * Reads the document.
   *
   * @throws ScanException when its spec version is not 1.4–1.6
   */
  static SbomContents read(JsonNode root) throws ScanException {
    String version = root.path("specVersion").asText();
    if (!VERSIONS.contains(version)) {
      throw new ScanException(
          "sbom: CycloneDX " + version + " is not supported (1.4, 1.5 and 1.6 are)");
    }
    JsonNode subject = root.path("metadata").path("component");
    List<SbomEntry> entries = new ArrayList<>();
    List<Distribution> systems = new ArrayList<>();
    collect(root.path("components"), entries, systems);
    return new SbomContents(subject.path("name").asText(), sha256(subject), entries, systems);
  }

  private static void collect(
      JsonNode components, List<SbomEntry> entries, List<Distribution> systems) {
    for (JsonNode component : components) {
      if ("operating-system".equals(component.path("type").asText())) {
        systems.add(operatingSystem(component));
      }
      String purl = component.path("purl").asText();
      if (!purl.isEmpty()) {
        Map<String, String> properties = properties(component.path("properties"));
        entries.add(
            new SbomEntry(
                purl,
                SbomProperties.sourceName(properties),
                SbomProperties.layer(properties),
                properties.getOrDefault(SbomProperties.PACKAGE_DB, "")));
      }
      collect(component.path("components"), entries, systems);
    }
  }

  private static Distribution operatingSystem(JsonNode component) {
    return SbomProperties.operatingSystem(
        component.path("name").asText(),
        component.path("version").asText(),
        component.path("description").asText());
  }

  private static Digest sha256(JsonNode subject) {
    for (JsonNode hash : subject.path("hashes")) {
      if ("SHA-256".equals(hash.path("alg").asText())) {
        return SbomProperties.sha256(hash.path("content").asText());
      }
    }
    return null;
  }

  private static Map<String, String> properties(JsonNode properties) {
    Map<String, String> byName = new LinkedHashMap<>();
    for (JsonNode property : properties) {
      byName.putIfAbsent(property.path("name").asText(), property.path("value").asText());
    }
    return byName;
  }
}
