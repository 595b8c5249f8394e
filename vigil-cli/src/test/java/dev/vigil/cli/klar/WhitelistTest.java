package dev.vigil.cli.klar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** klar's whitelist file, with its example, and official images matched by their short name. */
class WhitelistTest {
  /** klar's whitelist-example.yaml. */
  private static final String EXAMPLE =
      """
      general:
        - RHSA-2018:1345
      images:
        centos:
          - RHSA-2017:2479
          - RHSA-2018:0805
        alpine:
          - CVE-2017-9671
        fluent/fluent-bit:
          - CVE-2017-14062
          - CVE-2018-6485
      """;

  @TempDir Path tmp;

  private static KlarVulnerability named(String name) {
    return new KlarVulnerability(name, "", "", "", "Unknown", "", "p", "1");
  }

  private Whitelist read(String yaml) throws IOException {
    Path file = tmp.resolve("whitelist.yaml");
    Files.writeString(file, yaml);
    return Whitelist.read(file);
  }

  @Test
  void generalNamesGoForEveryImageAndImageNamesForTheirRepository() throws IOException {
    Whitelist whitelist = read(EXAMPLE);
    var findings =
        java.util.List.of(named("RHSA-2018:1345"), named("CVE-2017-14062"), named("CVE-1"));

    assertThat(whitelist.filter(findings, "fluent/fluent-bit")).containsExactly(named("CVE-1"));
    assertThat(whitelist.filter(findings, "other/image"))
        .containsExactly(named("CVE-2017-14062"), named("CVE-1"));
  }

  @Test
  void officialImagesMatchTheirShortName() throws IOException {
    Whitelist whitelist = read(EXAMPLE);
    var findings = java.util.List.of(named("CVE-2017-9671"), named("CVE-1"));

    assertThat(whitelist.filter(findings, "library/alpine")).containsExactly(named("CVE-1"));
    assertThat(whitelist.filter(findings, "alpine")).containsExactly(named("CVE-1"));
    assertThat(whitelist.filter(findings, "someone/alpine")).hasSize(2);
  }

  @Test
  void anEmptyFileWhitelistsNothing() throws IOException {
    assertThat(read("").filter(java.util.List.of(named("CVE-1")), "library/alpine")).hasSize(1);
  }

  @Test
  void malformedFilesAreReportedAsKlarDoes() {
    assertThatThrownBy(() -> read("general: CVE-1\n"))
        .hasMessageStartingWith("could not unmarshal");
    assertThatThrownBy(() -> Whitelist.read(tmp.resolve("absent.yaml")))
        .hasMessageStartingWith("could not read file");
  }
}
