package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import dev.vigil.testing.ReportPairs;
import dev.vigil.testing.TestResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code vigil scan sbom:FILE}: Vigil's own CycloneDX and SPDX outputs of the alpine:3.10 image
 * (pair P1) scanned again give the same 20 findings, and documents written by Trivy and melange
 * (vigil-core's {@code src/test/resources/sbom}) are read, their non-OS components skipped with a
 * warning.
 */
class ScanSbomTest {
  @TempDir static Path tmp;
  private static String db;
  private static JsonNode imageReport;

  @BeforeAll
  static void loadFeedAndScanTheImage() throws IOException {
    db = AlpineFeed.load(tmp);
    CliRun scan = CliRun.of("scan", "--db", db, "--format", "json", AlpineFeed.image());
    assertThat(scan.exitCode()).as(scan.err()).isZero();
    imageReport = Json.mapper().readTree(scan.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cyclonedx", "spdx"})
  void vigilsOwnSbomGivesTheSameFindings(String format) throws IOException {
    Path sbom = tmp.resolve("alpine." + format + ".json");
    CliRun write =
        CliRun.of("scan", "--db", db, "--format", format + "=" + sbom, AlpineFeed.image());
    assertThat(write.exitCode()).as(write.err()).isZero();

    CliRun again = CliRun.of("scan", "--db", db, "--format", "json", "sbom:" + sbom);

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(again.err()).isEmpty();
    JsonNode report = Json.mapper().readTree(again.out());
    assertThat(ReportPairs.pairs(report))
        .containsExactlyInAnyOrderElementsOf(ScanAlpineEndToEndTest.EXPECTED_PAIRS);
    assertThat(report.get("manifest_hash")).isEqualTo(imageReport.get("manifest_hash"));
    assertThat(report.get("packages")).hasSize(14);
    report
        .get("environments")
        .forEach(
            envs ->
                assertThat(envs.get(0).get("introduced_in").asText())
                    .isEqualTo(ScanAlpineEndToEndTest.LAYER));
    JsonNode distribution = report.get("distributions").elements().next();
    assertThat(distribution.get("version_id").asText()).isEqualTo("3.10.4");
    assertThat(distribution.get("pretty_name").asText()).isEqualTo("Alpine Linux v3.10");
  }

  @ParameterizedTest
  @ValueSource(strings = {"trivy-cyclonedx-1.5-bom.json", "trivy-spdx-2.2-bom.json"})
  void trivyDocumentsAreScanned(String resource) throws IOException {
    Path sbom = TestResources.copy("sbom/" + resource, Files.createTempDirectory(tmp, "trivy"));

    CliRun scan = CliRun.of("scan", "--db", db, "sbom:" + sbom);

    assertThat(scan.exitCode()).as(scan.err()).isZero();
    assertThat(scan.out()).contains("(alpine 3.16.0)").contains("Total: 0");
    assertThat(scan.err())
        .contains("vigil: warning: sbom: skipped components that are not operating-system")
        .contains("maven, npm");
  }

  @Test
  void packagesWithoutAReleaseAreWarnedAbout() throws IOException {
    Path sbom = TestResources.copy("sbom/melange-spdx-2.3-wolfi.json", tmp);

    CliRun scan = CliRun.of("scan", "--db", db, "--format", "json", "sbom:" + sbom);

    assertThat(scan.exitCode()).as(scan.err()).isZero();
    assertThat(scan.err()).contains("2 packages name no distribution release");
    assertThat(Json.mapper().readTree(scan.out()).get("packages")).hasSize(2);
  }

  @Test
  void unreadableSbomsFailWithExitTwo() throws IOException {
    Path html = tmp.resolve("not-an-sbom.json");
    Files.writeString(html, "<html>503</html>");

    CliRun missing = CliRun.of("scan", "--db", db, "sbom:" + tmp.resolve("missing.json"));
    CliRun garbage = CliRun.of("scan", "--db", db, "sbom:" + html);

    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).startsWith("vigil: sbom: no such file: ");
    assertThat(garbage.exitCode()).isEqualTo(2);
    assertThat(garbage.err()).startsWith("vigil: sbom: ").contains("not JSON");
    assertThat(missing.out() + garbage.out()).isEmpty();
  }
}
