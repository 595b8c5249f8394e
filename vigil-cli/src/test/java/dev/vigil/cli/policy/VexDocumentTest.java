package dev.vigil.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Package;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Canonical's real OpenVEX document for CVE-2023-38545 ({@code
 * feeds/ubuntu-osv-vex/vex/cve/2023/CVE-2023-38545.json}): one fixed, one affected and one
 * not_affected statement over hundreds of curl package URLs.
 */
class VexDocumentTest {
  private static final Path CURL_VEX =
      Fixtures.fixture("feeds/ubuntu-osv-vex/vex/cve/2023/CVE-2023-38545.json");

  @Test
  void readsEveryStatement() throws IOException {
    VexDocument vex = VexDocument.read(List.of(CURL_VEX));

    assertThat(vex.statements())
        .extracting(VexStatement::status)
        .containsExactly("fixed", "affected", "not_affected");
    assertThat(vex.statements().get(2).justification()).isEqualTo("vulnerable_code_not_present");
    assertThat(vex.statements().get(2).products()).hasSize(356);
  }

  @Test
  void decidesByPackageUrl() throws IOException {
    VexDocument vex = VexDocument.read(List.of(CURL_VEX));

    VexStatement trusty =
        vex.deciding(
                curl(
                    "pkg:deb/ubuntu/curl@7.35.0-1ubuntu2.20%2Besm19?arch=amd64&distro=esm-infra-legacy/trusty"))
            .orElseThrow();
    VexStatement jammy =
        vex.deciding(curl("pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.24?arch=amd64&distro=jammy"))
            .orElseThrow();

    assertThat(trusty.status()).isEqualTo("not_affected");
    assertThat(trusty.suppresses()).isTrue();
    assertThat(trusty.impactStatement()).contains("affects 7.69 and higher");
    assertThat(jammy.status()).isEqualTo("fixed");
    assertThat(vex.deciding(curl("pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.15?arch=amd64&distro=jammy")))
        .isEmpty();
  }

  @Test
  void otherDocumentsAreRefused() {
    Path secdb = Fixtures.fixture("feeds/alpine-secdb/v3.10/main.json");

    assertThatThrownBy(() -> VexDocument.read(List.of(secdb)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("vex: ")
        .hasMessageContaining("is not an OpenVEX document");
  }

  private static Finding curl(String purl) {
    Vulnerability v =
        new Vulnerability(
            "1",
            "ubuntu",
            "CVE-2023-38545",
            "",
            null,
            "",
            "",
            Severity.High,
            Package.source("curl", ""),
            null,
            null,
            "",
            "");
    return new Finding(
        "1", Package.binary("curl", "", "amd64", null), v, null, null, purl, Risk.NONE);
  }
}
