package dev.vigil.cli.klar;

import java.util.List;

/**
 * Three findings of fixture pair P1 (Alpine 3.10.4 against the Alpine SecDB), given severities so
 * that every format has something to group: what the golden tests render.
 */
final class SampleFindings {
  static final KlarVulnerability OPENSSL =
      new KlarVulnerability(
          "CVE-2020-1967",
          "alpine:v3.10",
          "Server or client applications that call the SSL_check_chain() function may crash.",
          "https://nvd.nist.gov/vuln/detail/CVE-2020-1967",
          "High",
          "1.1.1g-r0",
          "openssl",
          "1.1.1d-r2");
  static final KlarVulnerability MUSL =
      new KlarVulnerability(
          "CVE-2020-28928",
          "alpine:v3.10",
          "musl libc through 1.2.1 has wcsnrtombs mishandling.",
          "https://nvd.nist.gov/vuln/detail/CVE-2020-28928",
          "Low",
          "1.1.22-r4",
          "musl",
          "1.1.22-r3");
  static final KlarVulnerability APK_TOOLS =
      new KlarVulnerability(
          "CVE-2021-36159", "alpine:v3.10", "", "", "Medium", "", "apk-tools", "2.10.4-r3");

  /** In the order Clair's v1 API lists them (by feature). */
  static final List<KlarVulnerability> ALL = List.of(OPENSSL, MUSL, APK_TOOLS);

  private SampleFindings() {}
}
