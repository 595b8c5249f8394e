package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * {@code --ignore-file}, {@code --vex}, {@code --ignore-unfixed} and {@code --show-suppressed}
 * against the alpine:3.10 scan (pair P1, 20 findings). The ignore files and VEX documents are
 * written by the test about the image's real findings.
 */
class ScanSuppressionTest {
  private static final String BUSYBOX =
      "pkg:apk/alpine/busybox@1.30.1-r3?arch=x86_64&distro=alpine-3.10.4";

  @TempDir static Path tmp;
  private static String db;

  @BeforeAll
  static void loadFeed() {
    db = AlpineFeed.load(tmp);
  }

  @Test
  void anIgnoreEntryByIdDropsEveryPackageItNames() throws IOException {
    Path ignore = write("by-id.yaml", "vulnerabilities:\n  - id: CVE-2020-28928\n");

    CliRun scan = scan("--ignore-file", ignore.toString());

    assertThat(scan.exitCode()).as(scan.err()).isZero();
    assertThat(scan.out()).contains("Total: 18").doesNotContain("CVE-2020-28928");
  }

  @Test
  void purlsAndPackageNamesNarrowAnEntry() throws IOException {
    Path ignore =
        write(
            "narrow.yaml",
            """
            vulnerabilities:
              - id: CVE-2020-28928
                purls:
                  - pkg:apk/alpine/musl
                statement: musl-utils is not shipped
              - id: cve-2021-3450
                packages: [libssl1.1]
            misconfigurations:
              - id: AVD-DS-0002
            """);

    CliRun scan = scan("--ignore-file", ignore.toString(), "--show-suppressed");

    assertThat(scan.out())
        .contains("Total: 18")
        .contains("Suppressed: 2")
        .containsPattern("UNKNOWN +CVE-2020-28928 +musl +ignored +ignore file +musl-utils is not")
        .containsPattern("UNKNOWN +CVE-2020-28928 +musl-utils +1.1.22-r3")
        .containsPattern("UNKNOWN +CVE-2021-3450 +libcrypto1.1");
  }

  @Test
  void pathsNameThePackageDatabase() throws IOException {
    Path ignore =
        write(
            "paths.yaml",
            """
            vulnerabilities:
              - id: CVE-2021-28831
                paths: [/lib/apk/db/installed]
              - id: CVE-2020-28928
                paths: ["usr/local/**"]
            """);

    CliRun scan = scan("--ignore-file", ignore.toString());

    assertThat(scan.out())
        .contains("Total: 18")
        .contains("CVE-2020-28928")
        .doesNotContain("CVE-2021-28831");
  }

  @Test
  void expiredEntriesNoLongerApplyAndAreReported() throws IOException {
    Path ignore =
        write(
            "expired.yaml",
            "vulnerabilities:\n"
                + "  - id: CVE-2020-28928\n    expired_at: 2024-01-31\n"
                + "  - id: CVE-2021-28831\n    expired_at: "
                + LocalDate.now().plusYears(1)
                + "\n");

    CliRun scan = scan("--ignore-file", ignore.toString());
    CliRun quiet = scan("--ignore-file", ignore.toString(), "--quiet");

    assertThat(scan.out()).contains("Total: 18").contains("CVE-2020-28928");
    assertThat(scan.err())
        .contains(
            "vigil: warning: ignore-file: the entry for CVE-2020-28928 expired on 2024-01-31 and"
                + " no longer applies")
        .doesNotContain("CVE-2021-28831");
    assertThat(quiet.err()).isEmpty();
  }

  @Test
  void vexNotAffectedAndFixedSuppressWithTheirJustification() throws IOException {
    Path vex =
        vex(
            statement(
                "CVE-2021-28831",
                List.of(BUSYBOX),
                "not_affected",
                "vulnerable_code_not_in_execute_path",
                "the awk applet is not used"),
            statement(
                "CVE-2020-1967",
                List.of("pkg:apk/alpine/libssl1.1", "pkg:apk/alpine/libcrypto1.1"),
                "fixed",
                "",
                ""));

    CliRun hidden = scan("--vex", vex.toString());
    CliRun shown = scan("--vex", vex.toString(), "--show-suppressed");

    assertThat(hidden.exitCode()).as(hidden.err()).isZero();
    assertThat(hidden.out()).contains("Total: 17").doesNotContain("Suppressed");
    assertThat(shown.out())
        .contains("Suppressed: 3")
        .containsPattern(
            "CVE-2021-28831 +busybox +not_affected +VEX +vulnerable_code_not_in_execute_path: the"
                + " awk applet is not used")
        .containsPattern("CVE-2020-1967 +libssl1.1 +fixed +VEX");
  }

  @Test
  void theLatestStatementDecides() throws IOException {
    Path earlier =
        vex(
            statement(
                "CVE-2021-28831",
                List.of("pkg:apk/alpine/busybox"),
                "not_affected",
                "component_not_present",
                ""));
    Path later =
        write(
            "later.json",
            Files.readString(earlier)
                .replace("not_affected", "affected")
                .replace("2024-01-01T00:00:00Z", "2024-06-01T00:00:00Z"));

    assertThat(scan("--vex", earlier.toString()).out()).contains("Total: 19");
    assertThat(scan("--vex", earlier.toString(), "--vex", later.toString()).out())
        .contains("Total: 20");
    assertThat(scan("--vex", later.toString(), "--vex", earlier.toString()).out())
        .contains("Total: 20");
  }

  @Test
  void subcomponentsOfAnImageProductNameThePackages() throws IOException {
    String doc =
        """
        {
          "@context": "https://openvex.dev/ns/v0.2.0",
          "@id": "https://example.org/vex/alpine-3.10",
          "author": "vigil tests",
          "timestamp": "2024-01-01T00:00:00Z",
          "version": 1,
          "statements": [{
            "vulnerability": {"name": "CVE-2021-36159"},
            "products": [{
              "@id": "pkg:oci/alpine?repository_url=index.docker.io%2Flibrary%2Falpine",
              "subcomponents": [{"identifiers": {"purl": "pkg:apk/alpine/apk-tools@2.10.4-r2"}}]
            }],
            "status": "not_affected",
            "justification": "inline_mitigations_already_exist"
          }]
        }
        """;

    CliRun scan = scan("--vex", write("image.vex.json", doc).toString());

    assertThat(scan.out()).contains("Total: 19").doesNotContain("CVE-2021-36159");
  }

  @Test
  void suppressedFindingsTravelInEveryFormat() throws Exception {
    Path vex =
        vex(
            statement(
                "CVE-2021-28831",
                List.of(BUSYBOX),
                "not_affected",
                "vulnerable_code_not_present",
                ""));
    Path ignore =
        write("one.yaml", "vulnerabilities:\n  - id: CVE-2021-36159\n    reason: later\n");
    Path sarif = tmp.resolve("s.sarif");
    Path cdx = tmp.resolve("s.cdx.json");
    Path junit = tmp.resolve("s.xml");

    CliRun scan =
        scan(
            "--vex",
            vex.toString(),
            "--ignore-file",
            ignore.toString(),
            "--show-suppressed",
            "-f",
            "json",
            "-f",
            "sarif=" + sarif,
            "-f",
            "cyclonedx=" + cdx,
            "-f",
            "junit=" + junit);

    assertThat(scan.exitCode()).as(scan.err()).isZero();
    JsonNode json = Json.mapper().readTree(scan.out());
    assertThat(json.at("/enrichments/message~1vnd.vigil.suppressed")).hasSize(2);
    assertThat(JsonSchemas.sarifErrors(sarif)).isEmpty();
    JsonNode results = Json.mapper().readTree(sarif.toFile()).at("/runs/0/results");
    assertThat(results).hasSize(20);
    List<JsonNode> suppressions = new ArrayList<>();
    results.forEach(r -> r.path("suppressions").forEach(suppressions::add));
    assertThat(suppressions).hasSize(2).allMatch(s -> s.get("status").asText().equals("accepted"));
    assertThat(new JsonParser().validate(cdx.toFile(), Version.VERSION_16)).isEmpty();
    JsonNode analyses = Json.mapper().readTree(cdx.toFile()).get("vulnerabilities");
    List<String> states = new ArrayList<>();
    analyses.forEach(v -> states.add(v.at("/analysis/state").asText()));
    assertThat(states).contains("not_affected", "exploitable");
    Element suite =
        (Element) ScanFormatsTest.parseStrictly(junit).getElementsByTagName("testsuite").item(0);
    assertThat(suite.getAttribute("failures")).isEqualTo("18");
    assertThat(suite.getAttribute("skipped")).isEqualTo("2");
  }

  @Test
  void ignoreUnfixedKeepsFindingsWithAFix() {
    assertThat(scan("--ignore-unfixed").out()).contains("Total: 20");
  }

  @Test
  void malformedIgnoreFilesAndVexDocumentsExitTwo() throws IOException {
    Path noId = write("no-id.yaml", "vulnerabilities:\n  - statement: forgot the id\n");
    Path badDate = write("bad-date.yaml", "vulnerabilities:\n  - id: X\n    expired_at: soon\n");
    Path notVex = write("not.vex.json", "{\"statements\": []}");

    assertThat(scan("--ignore-file", noId.toString()).err())
        .startsWith("vigil: ignore-file: ")
        .contains("entry 1 has no id");
    assertThat(scan("--ignore-file", badDate.toString()).err()).contains("is not yyyy-mm-dd");
    CliRun vex = scan("--vex", notVex.toString());
    assertThat(vex.exitCode()).isEqualTo(2);
    assertThat(vex.err()).contains("is not an OpenVEX document");
  }

  private static CliRun scan(String... flags) {
    List<String> args = new ArrayList<>(List.of("scan", "--db", db));
    args.addAll(List.of(flags));
    args.add(AlpineFeed.image());
    return CliRun.of(args.toArray(String[]::new));
  }

  private static Path write(String name, String text) throws IOException {
    return Files.writeString(tmp.resolve(name), text);
  }

  private static String statement(
      String cve, List<String> purls, String status, String justification, String impact) {
    StringBuilder products = new StringBuilder();
    for (String purl : purls) {
      products
          .append(products.length() == 0 ? "" : ",")
          .append("{\"@id\":\"")
          .append(purl)
          .append("\"}");
    }
    return "{\"vulnerability\":{\"name\":\""
        + cve
        + "\"},\"products\":["
        + products
        + "],\"status\":\""
        + status
        + "\",\"justification\":\""
        + justification
        + "\",\"impact_statement\":\""
        + impact
        + "\"}";
  }

  private static Path vex(String... statements) throws IOException {
    String doc =
        "{\"@context\":\"https://openvex.dev/ns/v0.2.0\",\"@id\":\"https://example.org/vex/"
            + statements.length
            + "\",\"author\":\"vigil tests\",\"timestamp\":\"2024-01-01T00:00:00Z\",\"version\":1,"
            + "\"statements\":["
            + String.join(",", statements)
            + "]}";
    return Files.writeString(Files.createTempFile(tmp, "doc", ".vex.json"), doc);
  }
}
