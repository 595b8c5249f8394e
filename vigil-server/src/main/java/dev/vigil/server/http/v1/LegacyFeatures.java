package dev.vigil.server.http.v1;

import dev.vigil.model.Digest;
import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Package;
import dev.vigil.model.VulnerabilityReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Translates Clair v4 reports into Clair v1 features, namespaces and vulnerabilities. */
final class LegacyFeatures {
  private LegacyFeatures() {}

  /**
   * The Clair v1 namespace of a report's distribution: {@code alpine:v3.10} for Alpine as Clair 2
   * named it, {@code ID:VERSION_ID} otherwise (e.g. {@code debian:12}); empty when unknown.
   */
  static String namespace(IndexReport report) {
    return report.distributions().values().stream()
        .findFirst()
        .map(LegacyFeatures::namespace)
        .orElse("");
  }

  private static String namespace(Distribution d) {
    if (d.did() == null || d.did().isEmpty()) {
      return "";
    }
    String version = d.versionId() == null ? "" : d.versionId();
    if (d.did().equals("alpine")) {
      String[] parts = version.split("\\.");
      version = parts.length >= 2 ? "v" + parts[0] + "." + parts[1] : version;
    }
    return version.isEmpty() ? d.did() : d.did() + ":" + version;
  }

  /**
   * The features of a report, each with the name of the layer that added it and, when {@code
   * vulnerabilities} is given, the vulnerabilities affecting it.
   *
   * @param layerNames the v1 layer name by layer digest
   */
  static List<V1.Feature> features(
      IndexReport index, VulnerabilityReport vulnerabilities, Map<Digest, String> layerNames) {
    String namespace = namespace(index);
    List<V1.Feature> features = new ArrayList<>();
    for (Package pkg : index.packages().values()) {
      List<Environment> envs = index.environments().getOrDefault(pkg.id(), List.of());
      String addedBy =
          envs.isEmpty() || envs.get(0).introducedIn() == null
              ? ""
              : layerNames.getOrDefault(envs.get(0).introducedIn(), "");
      String format = envs.isEmpty() ? "" : versionFormat(envs.get(0).packageDb());
      features.add(
          new V1.Feature(
              pkg.name(),
              namespace,
              format,
              pkg.version(),
              vulnerabilities == null ? List.of() : affecting(pkg, vulnerabilities, namespace),
              addedBy));
    }
    return features;
  }

  private static List<V1.Vulnerability> affecting(
      Package pkg, VulnerabilityReport report, String namespace) {
    List<V1.Vulnerability> found = new ArrayList<>();
    for (String id : report.packageVulnerabilities().getOrDefault(pkg.id(), List.of())) {
      dev.vigil.model.Vulnerability v = report.vulnerabilities().get(id);
      String link = v.links() == null ? "" : v.links().trim().split("\\s+")[0];
      found.add(
          new V1.Vulnerability(
              v.name(),
              namespace,
              v.description(),
              link,
              v.normalizedSeverity().name(),
              v.fixedInVersion()));
    }
    return found;
  }

  /** Clair 2's version format of a package database. */
  private static String versionFormat(String packageDb) {
    if (packageDb == null) {
      return "";
    }
    if (packageDb.contains("apk")) {
      return "apk";
    }
    if (packageDb.contains("dpkg")) {
      return "dpkg";
    }
    return packageDb.contains("rpm") ? "rpm" : "";
  }
}
