package dev.vigil.ecosystem.amazon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.model.Distribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Amazon Linux 1 and 2023 (the fixtures have only Amazon Linux 2), from file contents quoted in
 * public repositories: aquasecurity/trivy's amazonlinux analyzer test ({@code Amazon Linux AMI
 * release 2018.03}), a Go port of Ansible's distribution-facts tests (Amazon Linux 2023's
 * os-release and {@code system-release}) and a README quoting an Amazon Linux AMI 2018.03 image's
 * os-release.
 */
class AmazonReleaseScannerTest {
  private final AmazonReleaseScanner scanner = new AmazonReleaseScanner();

  @TempDir Path tmp;

  private Optional<Distribution> scan(String path, String content) throws IOException {
    Path file = Files.writeString(tmp.resolve("file"), content);
    return scanner.scan(MemoryTree.of(Map.of(path, file)));
  }

  @Test
  void readsTheOsReleaseOfAmazonLinux1And2023() throws IOException {
    assertThat(
            scan(
                "etc/os-release",
                "NAME=\"Amazon Linux\"\nVERSION=\"2023\"\nID=\"amzn\"\nVERSION_ID=\"2023\"\n"
                    + "PLATFORM_ID=\"platform:al2023\"\n"))
        .map(Distribution::versionId)
        .contains("2023");
    assertThat(
            scan(
                "etc/os-release",
                "NAME=\"Amazon Linux AMI\"\nVERSION=\"2018.03\"\nID=\"amzn\"\n"
                    + "ID_LIKE=\"rhel fedora\"\nVERSION_ID=\"2018.03\"\n"
                    + "PRETTY_NAME=\"Amazon Linux AMI 2018.03\"\n"
                    + "CPE_NAME=\"cpe:/o:amazon:linux:2018.03:ga\"\n"))
        .contains(
            new Distribution(
                "",
                "amzn",
                "Amazon Linux AMI",
                "2018.03",
                "",
                "2018.03",
                "",
                "cpe:2.3:o:amazon:linux:2018.03:ga:*:*:*:*:*:*",
                "Amazon Linux AMI 2018.03"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "Amazon Linux AMI release 2018.03, Amazon Linux AMI, 2018.03",
    "Amazon Linux release 2 (Karoo), Amazon Linux, 2",
    "Amazon Linux release 2023.5.20240805 (Amazon Linux), Amazon Linux, 2023",
    "Amazon Linux release 2023 (Amazon Linux), Amazon Linux, 2023"
  })
  void readsSystemReleaseWithoutOsRelease(String line, String name, String versionId)
      throws IOException {
    Optional<Distribution> found = scan("etc/system-release", line + "\n");

    assertThat(found).map(Distribution::did).contains("amzn");
    assertThat(found).map(Distribution::name).contains(name);
    assertThat(found).map(Distribution::versionId).contains(versionId);
    assertThat(found).map(Distribution::prettyName).contains(line);
  }
}
