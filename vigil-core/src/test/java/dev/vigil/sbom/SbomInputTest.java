package dev.vigil.sbom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Digest;
import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.Package;
import dev.vigil.spi.ScanException;
import dev.vigil.testing.BrokenJson;
import dev.vigil.testing.TestResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real documents written by other tools (see {@code src/test/resources/sbom/README.md}): Trivy's
 * CycloneDX 1.5 and SPDX 2.2 of an alpine 3.16.0 image with language packages, and melange's SPDX
 * 2.3 of a Wolfi package.
 */
class SbomInputTest {
  private static final String TRIVY_LAYER =
      "sha256:dd565ff850e7003356e2b252758f9bdc1ff2803f61e995e24c7844f6297f8fc3";

  @TempDir Path tmp;

  @Test
  void readsTrivysCycloneDx() throws IOException {
    Sbom sbom = read("sbom/trivy-cyclonedx-1.5-bom.json");

    assertTrivyMusl(sbom);
    assertThat(sbom.name()).isEqualTo("maven-test-project");
    assertThat(sbom.warnings())
        .containsExactly(
            "sbom: skipped components that are not operating-system packages"
                + " (types: composer, golang, maven, npm)");
  }

  @Test
  void readsTrivysSpdx() throws IOException {
    Sbom sbom = read("sbom/trivy-spdx-2.2-bom.json");

    assertTrivyMusl(sbom);
    assertThat(sbom.name()).isEqualTo("maven-test-projecct");
  }

  @Test
  void packagesWithoutAReleaseAreKeptButWarnedAbout() throws IOException {
    Sbom sbom = read("sbom/melange-spdx-2.3-wolfi.json");

    assertThat(sbom.report().packages().values())
        .extracting(Package::name)
        .containsExactly("apk-tools", "busybox");
    assertThat(sbom.report().distributions()).isEmpty();
    assertThat(sbom.warnings())
        .singleElement()
        .asString()
        .contains("2 packages name no distribution");
  }

  @Test
  void withoutARecordedImageDigestTheManifestIsTheDocumentsHash() throws IOException {
    Path file = TestResources.copy("sbom/trivy-cyclonedx-1.5-bom.json", tmp);

    Sbom sbom = SbomInput.read("sbom:" + file);

    assertThat(sbom.report().manifestHash().toString())
        .isEqualTo(Digest.sha256(Files.readAllBytes(file)).toString());
  }

  @Test
  void unsupportedVersionsAndOtherDocumentsAreRefused() throws IOException {
    Path trivy = TestResources.copy("sbom/trivy-cyclonedx-1.5-bom.json", tmp);
    Path old = tmp.resolve("old.json");
    Files.writeString(
        old,
        Files.readString(trivy).replace("\"specVersion\": \"1.5\"", "\"specVersion\": \"1.3\""));
    Path other = tmp.resolve("other.json");
    Files.writeString(other, "{\"packages\": []}");
    Path garbage = tmp.resolve("garbage.json");
    Files.writeString(garbage, "<html>");

    assertThatThrownBy(() -> SbomInput.read("sbom:" + old))
        .isInstanceOf(ScanException.class)
        .hasMessage("sbom: CycloneDX 1.3 is not supported (1.4, 1.5 and 1.6 are)");
    assertThatThrownBy(() -> SbomInput.read("sbom:" + other))
        .hasMessageContaining("neither a CycloneDX nor an SPDX document");
    assertThatThrownBy(() -> SbomInput.read("sbom:" + garbage)).hasMessageContaining("not JSON");
    Path broken = Files.write(tmp.resolve("broken.json"), BrokenJson.bytes());
    assertThatThrownBy(() -> SbomInput.read("sbom:" + broken))
        .isInstanceOf(ScanException.class)
        .hasMessageContaining("not JSON");
    assertThatThrownBy(() -> SbomInput.read("sbom:" + tmp.resolve("missing.json")))
        .hasMessageStartingWith("sbom: no such file: ");
  }

  private Sbom read(String resource) throws IOException {
    return SbomInput.read("sbom:" + TestResources.copy(resource, tmp));
  }

  private static void assertTrivyMusl(Sbom sbom) {
    assertThat(sbom.report().packages()).hasSize(1);
    Package musl = sbom.report().packages().get("1");
    assertThat(musl.name()).isEqualTo("musl");
    assertThat(musl.version()).isEqualTo("1.2.3-r0");
    assertThat(musl.kind()).isEqualTo(Package.BINARY);
    Environment env = sbom.report().environments().get("1").get(0);
    assertThat(env.introducedIn().toString()).isEqualTo(TRIVY_LAYER);
    Distribution alpine = sbom.report().distributions().get(env.distributionId());
    assertThat(alpine.did()).isEqualTo("alpine");
    assertThat(alpine.versionId()).isEqualTo("3.16.0");
  }
}
