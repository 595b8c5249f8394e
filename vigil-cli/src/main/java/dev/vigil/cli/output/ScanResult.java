package dev.vigil.cli.output;

import dev.vigil.cli.policy.Finding;
import dev.vigil.cli.policy.Suppressed;
import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.VulnerabilityReport;
import dev.vigil.purl.PackageUrls;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything a report writer needs.
 *
 * @param name what was scanned, as the user named it or as the image calls itself
 * @param report the full vulnerability report
 * @param shown the findings to report, most severe first
 * @param suppressed the suppressed findings to report (empty unless asked for)
 * @param toolVersion Vigil's version
 * @param time when the scan ran
 */
public record ScanResult(
    String name,
    VulnerabilityReport report,
    List<Finding> shown,
    List<Suppressed> suppressed,
    String toolVersion,
    Instant time) {

  /** Copies the lists. */
  public ScanResult {
    shown = List.copyOf(shown);
    suppressed = List.copyOf(suppressed);
  }

  /** Where the package with id {@code packageId} was found (its first environment), or null. */
  public Environment environment(String packageId) {
    List<Environment> envs = report.environments().getOrDefault(packageId, List.of());
    return envs.isEmpty() ? null : envs.get(0);
  }

  /** The package URL of the package with id {@code packageId}. */
  public String purl(String packageId) {
    return PackageUrls.format(report, packageId);
  }

  /** The image's distribution, if one was found. */
  public Optional<Distribution> distribution() {
    return report.distributions().values().stream().findFirst();
  }
}
