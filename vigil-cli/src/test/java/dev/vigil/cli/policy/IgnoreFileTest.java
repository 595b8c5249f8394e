package dev.vigil.cli.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ignore files in the shape of Trivy's {@code .trivyignore.yaml} (as its filtering documentation
 * shows them), with Vigil's aliases.
 */
class IgnoreFileTest {
  @TempDir Path tmp;

  @Test
  void readsTrivysShapeAndVigilsAliases() throws IOException {
    Path file =
        Files.writeString(
            tmp.resolve(".trivyignore.yaml"),
            """
            vulnerabilities:
              - id: CVE-2022-40897
                paths:
                  - "usr/local/lib/python3.9/site-packages/setuptools-58.1.0.dist-info/METADATA"
                statement: Accept the risk
              - id: CVE-2023-3817
                purls:
                  - "pkg:deb/debian/libssl1.1"
              - id: CVE-2020-15114
                expired_at: 2024-08-20
                statement: "Review in 6 months"
              - id: CVE-2020-28928
                package: musl
                purl: pkg:apk/alpine/musl
                expires: 2030-01-01
                reason: musl-utils only
            misconfigurations:
              - id: AVD-DS-0002
            secrets:
            """);

    IgnoreFile ignore = IgnoreFile.read(file);

    assertThat(ignore.entries())
        .extracting(IgnoreEntry::id)
        .containsExactly("CVE-2022-40897", "CVE-2023-3817", "CVE-2020-15114", "CVE-2020-28928");
    IgnoreEntry musl = ignore.entries().get(3);
    assertThat(musl.packages()).containsExactly("musl");
    assertThat(musl.purls()).singleElement().hasToString("pkg:apk/alpine/musl");
    assertThat(musl.expiredAt()).isEqualTo(LocalDate.of(2030, 1, 1));
    assertThat(musl.statement()).isEqualTo("musl-utils only");
    assertThat(ignore.expired(LocalDate.of(2024, 8, 19))).isEmpty();
    assertThat(ignore.expired(LocalDate.of(2024, 8, 20)))
        .extracting(IgnoreEntry::id)
        .containsExactly("CVE-2020-15114");
  }

  @Test
  void anEmptyFileIgnoresNothing() throws IOException {
    assertThat(IgnoreFile.read(Files.writeString(tmp.resolve("empty.yaml"), "")).entries())
        .isEmpty();
  }

  @Test
  void malformedEntriesAreErrorsNamingTheEntry() throws IOException {
    Path badPurl =
        Files.writeString(
            tmp.resolve("purl.yaml"),
            "vulnerabilities:\n  - id: X\n  - id: Y\n    purls: [musl]\n");
    Path notYaml = Files.writeString(tmp.resolve("tabs.yaml"), "vulnerabilities: [\n");

    assertThatThrownBy(() -> IgnoreFile.read(badPurl))
        .hasMessageStartingWith("ignore-file: ")
        .hasMessageContaining("entry 2: purl: malformed 'musl'");
    assertThatThrownBy(() -> IgnoreFile.read(notYaml)).hasMessageStartingWith("ignore-file: ");
  }
}
