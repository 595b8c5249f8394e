package dev.vigil.cli.klar;

import dev.vigil.cli.remote.ClairHttp;
import dev.vigil.cli.remote.ClairV4Api;
import dev.vigil.model.Digest;
import dev.vigil.model.Manifest;
import dev.vigil.model.Package;
import dev.vigil.model.Vulnerability;
import dev.vigil.model.VulnerabilityReport;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The fallback for servers without the v1 API: Clair v4's index report (the manifest as layer URLs
 * with their authorization) then its vulnerability report, read into klar's findings.
 */
final class ClairV4Client {
  private final ClairV4Api api;

  /** A client over {@code http}. */
  ClairV4Client(ClairHttp http) {
    this.api = new ClairV4Api(http);
  }

  /**
   * Indexes the image and returns its findings, ordered by package then vulnerability name.
   *
   * @throws IOException when the server cannot be reached or answers an error
   */
  List<KlarVulnerability> analyse(KlarImage image) throws IOException {
    List<Digest> layers = new ArrayList<>();
    List<URI> uris = new ArrayList<>();
    for (KlarImage.Layer layer : image.layers()) {
      layers.add(Digest.parse(layer.digest()));
      uris.add(layer.uri());
    }
    Manifest manifest =
        ClairV4Api.manifest(
            Digest.parse(image.manifestDigest()), layers, uris, image.authorization());
    return findings(api.report(manifest));
  }

  private static List<KlarVulnerability> findings(VulnerabilityReport report) {
    List<KlarVulnerability> found = new ArrayList<>();
    report
        .packageVulnerabilities()
        .forEach(
            (packageId, ids) -> {
              Package pkg = report.packages().get(packageId);
              for (String id : ids) {
                Vulnerability v = report.vulnerabilities().get(id);
                String links = v.links() == null ? "" : v.links().trim();
                found.add(
                    new KlarVulnerability(
                        v.name(),
                        "",
                        v.description() == null ? "" : v.description(),
                        links.isEmpty() ? "" : links.split("\\s+")[0],
                        v.normalizedSeverity().name(),
                        v.hasFix() ? v.fixedInVersion() : "",
                        pkg.name(),
                        pkg.version()));
              }
            });
    found.sort(
        Comparator.comparing(KlarVulnerability::featureName)
            .thenComparing(KlarVulnerability::featureVersion)
            .thenComparing(KlarVulnerability::name));
    return found;
  }
}
