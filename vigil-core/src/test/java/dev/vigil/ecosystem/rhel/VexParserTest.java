package dev.vigil.ecosystem.rhel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.ScanException;
import dev.vigil.testing.BrokenJson;
import dev.vigil.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VexParserTest {
  private final VexParser parser = new VexParser("rhel");

  static Path vex(String name) {
    return Fixtures.fixture("feeds/redhat-csaf-vex/" + name);
  }

  /** The statements as {@code "cpe name fixedIn module"}. */
  private static List<String> statements(List<Vulnerability> vulns) {
    return vulns.stream()
        .map(
            v ->
                String.join(
                    " ",
                    v.repository().name(),
                    v.pkg().name(),
                    v.fixedInVersion().isEmpty() ? "-" : v.fixedInVersion(),
                    v.pkg().module().isEmpty() ? "-" : v.pkg().module()))
        .toList();
  }

  @Test
  void readsFixedProductsWithTheirEpochAndArchitectures() throws Exception {
    List<Vulnerability> vulns = parser.parse(vex("cve-2024-0727-openssl.json"));

    assertThat(statements(vulns))
        .contains(
            "cpe:/o:redhat:enterprise_linux:9::baseos openssl-libs 1:3.0.7-27.el9 -",
            "cpe:/a:redhat:enterprise_linux:9::appstream openssl 1:3.0.7-27.el9 -");
    Vulnerability libs =
        vulns.stream()
            .filter(v -> v.pkg().name().equals("openssl-libs") && v.hasFix())
            .filter(v -> v.repository().name().endsWith("::baseos"))
            .findFirst()
            .orElseThrow();
    assertThat(libs.name()).isEqualTo("CVE-2024-0727");
    assertThat(libs.pkg().arch()).isEqualTo("aarch64|i686|ppc64le|s390x|x86_64");
    assertThat(libs.archOp()).isEqualTo("pattern match");
    assertThat(libs.severity()).isEqualTo("Low");
    assertThat(libs.normalizedSeverity()).isEqualTo(Severity.Low);
    assertThat(libs.links()).contains("https://access.redhat.com/security/cve/CVE-2024-0727");
    assertThat(libs.issued()).isNotNull();
  }

  @Test
  void readsKnownAffectedProductsWithoutFix() throws Exception {
    List<Vulnerability> vulns = parser.parse(vex("cve-2024-0727-openssl.json"));

    assertThat(statements(vulns))
        .contains(
            "cpe:/o:redhat:enterprise_linux:8 openssl-libs - -",
            "cpe:/o:redhat:enterprise_linux:9 compat-openssl11 - -");
  }

  @Test
  void neverStoresKnownNotAffectedProducts() throws Exception {
    // openssl-fips-provider is known_not_affected in RHEL 9 BaseOS; RHEL 8's curl is too.
    assertThat(parser.parse(vex("cve-2024-0727-openssl.json")))
        .noneMatch(v -> v.pkg().name().startsWith("openssl-fips-provider"));
    assertThat(parser.parse(vex("cve-2023-38545.json")))
        .noneMatch(v -> v.repository().name().equals("cpe:/o:redhat:enterprise_linux:8"));
    assertThat(parser.parse(vex("cve-2023-4154.json"))).isEmpty();
  }

  @Test
  void skipsSourceRpmsAndNonRpmComponents() throws Exception {
    List<Vulnerability> vulns = parser.parse(vex("cve-2022-38752.json"));

    assertThat(vulns).isNotEmpty().allMatch(v -> !v.pkg().arch().contains("src"));
    assertThat(parser.parse(vex("cve-2024-0727-openssl.json")))
        .noneMatch(v -> v.pkg().arch().contains("src"));
  }

  @Test
  void readsTheModuleStreamOfModularPackages() throws Exception {
    List<Vulnerability> vulns = parser.parse(vex("cve-2026-27142.json"));

    assertThat(statements(vulns))
        .contains(
            "cpe:/o:redhat:enterprise_linux:8 golang - go-toolset:rhel8",
            "cpe:/o:redhat:enterprise_linux:9 golang - -");
    assertThat(statements(parser.parse(vex("cve-2025-40907-perl.json"))))
        .anyMatch(s -> s.endsWith(" perl-FCGI:0.78"));
  }

  @Test
  void takesTheAggregateSeverityWithoutThreat() throws Exception {
    List<Vulnerability> vulns = parser.parse(vex("cve-2023-38545.json"));

    assertThat(vulns)
        .isNotEmpty()
        .allMatch(v -> v.normalizedSeverity() == Severity.High, "Important is High");
  }

  @Test
  void rejectsMalformedJson(@TempDir Path tmp) throws Exception {
    Path broken = tmp.resolve("cve-2024-0727.json");
    String whole = Files.readString(vex("cve-2024-0727-openssl.json"));
    Files.writeString(broken, whole.substring(0, whole.length() / 2));

    assertThatThrownBy(() -> parser.parse(broken))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("rhel: cve-2024-0727.json: not JSON");
  }

  @Test
  void rejectsJsonThatIsNoVexDocument(@TempDir Path tmp) throws Exception {
    Path other = tmp.resolve("cve-2024-0001.json");
    Files.writeString(other, "{\"document\": {\"title\": \"x\"}}");

    assertThatThrownBy(() -> parser.parse(other))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("not a CSAF VEX document");
  }

  @Test
  void refusesADocumentInABrokenEncoding(@TempDir Path tmp) throws IOException {
    Path file = Files.write(tmp.resolve("cve-2024-0001.json"), BrokenJson.bytes());
    assertThatThrownBy(() -> parser.parse(file))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("rhel: cve-2024-0001.json: not JSON: ");
  }
}
