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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an SPDX 2.3 JSON document (2.2 has the same shape and is read too): every package with a
 * {@code purl} external reference; operating-system packages ({@code primaryPackagePurpose} {@code
 * OPERATING-SYSTEM}, or Trivy's {@code SPDXRef-OperatingSystem-} ids) as distributions; the
 * container package's SHA256 checksum as the manifest digest. A {@code sourceInfo} of the form
 * {@code built package from: NAME VERSION} names the source package; {@code KEY: VALUE} annotation
 * comments and attribution texts carry the layer and package database.
 */
final class SpdxReader {
  private static final Set<String> VERSIONS = Set.of("SPDX-2.2", "SPDX-2.3");
  private static final Pattern BUILT_FROM = Pattern.compile("built package from: (\\S+)(?: .*)?");
  private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z:_]+): (.+)");

  private SpdxReader() {}

  /** True for an SPDX document. */
  static boolean recognizes(JsonNode root) {
    return root.has("spdxVersion");
  }

  /**
   * Reads the document.
   *
   * @throws ScanException when its version is not 2.2 or 2.3
   */
  static SbomContents read(JsonNode root) throws ScanException {
    String version = root.path("spdxVersion").asText();
    if (!VERSIONS.contains(version)) {
      throw new ScanException("sbom: " + version + " is not supported (SPDX-2.3 and SPDX-2.2 are)");
    }
    List<SbomEntry> entries = new ArrayList<>();
    List<Distribution> systems = new ArrayList<>();
    Digest manifest = null;
    for (JsonNode pkg : root.path("packages")) {
      String purpose = pkg.path("primaryPackagePurpose").asText();
      if (purpose.equals("OPERATING_SYSTEM")
          || purpose.equals("OPERATING-SYSTEM")
          || pkg.path("SPDXID").asText().startsWith("SPDXRef-OperatingSystem-")) {
        systems.add(operatingSystem(pkg));
      } else if (purpose.equals("CONTAINER") && manifest == null) {
        manifest = sha256(pkg);
      }
      String purl = purl(pkg);
      if (!purl.isEmpty()) {
        Map<String, String> notes = notes(pkg);
        entries.add(
            new SbomEntry(
                purl,
                sourceName(pkg.path("sourceInfo").asText()),
                SbomProperties.layer(notes),
                notes.getOrDefault(SbomProperties.PACKAGE_DB, "")));
      }
    }
    return new SbomContents(root.path("name").asText(), manifest, entries, systems);
  }

  private static String purl(JsonNode pkg) {
    for (JsonNode ref : pkg.path("externalRefs")) {
      if ("purl".equals(ref.path("referenceType").asText())) {
        return ref.path("referenceLocator").asText();
      }
    }
    return "";
  }

  private static Distribution operatingSystem(JsonNode pkg) {
    return SbomProperties.operatingSystem(
        pkg.path("name").asText(),
        pkg.path("versionInfo").asText(),
        pkg.path("description").asText());
  }

  private static Digest sha256(JsonNode pkg) {
    for (JsonNode checksum : pkg.path("checksums")) {
      if ("SHA256".equals(checksum.path("algorithm").asText())) {
        return SbomProperties.sha256(checksum.path("checksumValue").asText());
      }
    }
    return null;
  }

  private static String sourceName(String sourceInfo) {
    Matcher m = BUILT_FROM.matcher(sourceInfo);
    return m.matches() ? m.group(1) : "";
  }

  /** {@code KEY: VALUE} pairs from annotation comments and attribution texts. */
  private static Map<String, String> notes(JsonNode pkg) {
    Map<String, String> notes = new LinkedHashMap<>();
    List<String> texts = new ArrayList<>();
    pkg.path("annotations").forEach(a -> texts.add(a.path("comment").asText()));
    pkg.path("attributionTexts").forEach(t -> texts.add(t.asText()));
    for (String text : texts) {
      Matcher m = KEY_VALUE.matcher(text.strip());
      if (m.matches()) {
        notes.putIfAbsent(m.group(1), m.group(2));
      }
    }
    return notes;
  }
}
