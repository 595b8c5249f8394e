package dev.vigil.cli.policy;

import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;

/**
 * One package affected by one vulnerability: a row of the report.
 *
 * @param packageId the package's id in the report
 * @param pkg the package
 * @param vulnerability the vulnerability
 * @param distribution the package's distribution, or null
 * @param environment where the package was found, or null
 * @param purl the package's package URL
 * @param risk what the CVSS, EPSS and KEV enrichments say of it
 */
public record Finding(
    String packageId,
    Package pkg,
    Vulnerability vulnerability,
    Distribution distribution,
    Environment environment,
    String purl,
    Risk risk) {
  /** The vulnerability's normalized severity. */
  public Severity severity() {
    return vulnerability.normalizedSeverity() == null
        ? Severity.Unknown
        : vulnerability.normalizedSeverity();
  }

  /** The vulnerability's name, e.g. {@code CVE-2020-28928}. */
  public String name() {
    return vulnerability.name();
  }

  /** True when a fixed version is known. */
  public boolean hasFix() {
    return vulnerability.hasFix();
  }
}
