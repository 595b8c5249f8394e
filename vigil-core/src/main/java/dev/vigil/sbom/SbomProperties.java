package dev.vigil.sbom;

import dev.vigil.model.Digest;
import java.util.List;
import java.util.Map;

/**
 * The names under which documents record where a package came from: Vigil's own, written by its
 * CycloneDX and SPDX outputs, and those of Trivy and Syft, read in that order.
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

  /** The source package name among {@code properties}, or empty. */
  static String sourceName(Map<String, String> properties) {
    return SOURCE_NAMES.stream()
        .map(properties::get)
        .filter(v -> v != null && !v.isBlank())
        .findFirst()
        .orElse("");
  }
}
