package dev.vigil.sbom;

import dev.vigil.model.Digest;
import dev.vigil.model.Distribution;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What documents record about packages and the image, and how: the names under which they say where
 * a package came from (Vigil's own, written by its CycloneDX and SPDX outputs, then Trivy's and
 * Syft's, read in that order), operating-system components and image digests.
 */
public final class SbomProperties {

  /** The digest of the layer that introduced a package. */
  public static final String LAYER = "vigil:layer";

  /** The package database a package was read from, e.g. {@code lib/apk/db/installed}. */
  public static final String PACKAGE_DB = "vigil:package_db";

  private static final List<String> LAYER_NAMES =
      List.of(
          LAYER,
          "aquasecurity:trivy:LayerDigest",
          "LayerDigest",
          "aquasecurity:trivy:LayerDiffID",
          "LayerDiffID",
          "syft:location:0:layerID");
  private static final List<String> SOURCE_NAMES =
      List.of("aquasecurity:trivy:SrcName", "syft:metadata:originPackage");

  private SbomProperties() {}

  /** The first well-formed layer digest among {@code properties}, or null. */
  static Digest layer(Map<String, String> properties) {
    for (String name : LAYER_NAMES) {
      String value = properties.get(name);
      if (value != null) {
        try {
          return Digest.parse(value.strip());
        } catch (IllegalArgumentException e) {
          // another property may hold a well-formed one
        }
      }
    }
    return null;
  }

  /**
   * The distribution an operating-system component describes.
   *
   * @param name its name: the os-release {@code ID}, in any case
   * @param version its version: the {@code VERSION_ID}
   * @param description its description: the pretty name, or empty to derive one
   */
  static Distribution operatingSystem(String name, String version, String description) {
    String did = name.toLowerCase(Locale.ROOT);
    String pretty = description.isEmpty() ? did + " " + version : description;
    return new Distribution("", did, did, version, "", version, "", "", pretty);
  }

  /** The sha256 digest whose hex is {@code hex}, or null when malformed. */
  static Digest sha256(String hex) {
    try {
      return new Digest("sha256", hex);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The source package name among {@code properties}, or empty. */
  static String sourceName(Map<String, String> properties) {
    return SOURCE_NAMES.stream()
        .map(properties::get)
        .filter(v -> v != null && !v.isBlank())
        .findFirst()
        .orElse("");
  }
}
