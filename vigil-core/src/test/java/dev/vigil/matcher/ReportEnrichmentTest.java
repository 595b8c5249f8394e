package dev.vigil.matcher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import org.junit.jupiter.api.Test;

class ReportEnrichmentTest {

  private static Vulnerability named(String name, String links) {
    return new Vulnerability(
        "1", "osv", name, "", null, links, "", Severity.Unknown, null, null, null, "", "");
  }

  @Test
  void findsTheCveIdsOfTheNameAndTheLinks() {
    assertThat(ReportEnrichment.cveIds(named("CVE-2022-34668", "")))
        .containsExactly("CVE-2022-34668");
    assertThat(
            ReportEnrichment.cveIds(
                named(
                    "GHSA-57j2-w4cx-62h2",
                    "https://osv.dev/vulnerability/GHSA-57j2-w4cx-62h2"
                        + " https://osv.dev/vulnerability/CVE-2020-36518"
                        + " https://nvd.nist.gov/vuln/detail/cve-2020-36518")))
        .containsExactly("CVE-2020-36518");
    assertThat(ReportEnrichment.cveIds(named("ALPINE-1", "see cve_2021_44228 and CVE-2024-99999")))
        .containsExactly("CVE-2021-44228", "CVE-2024-99999");
  }

  @Test
  void findsNothingInOtherNames() {
    assertThat(ReportEnrichment.cveIds(named("GHSA-jfh8-c2jp-5v3q", null))).isEmpty();
    assertThat(ReportEnrichment.cveIds(named("XCVE-2020-1234", "CVE-20-1"))).isEmpty();
  }
}
