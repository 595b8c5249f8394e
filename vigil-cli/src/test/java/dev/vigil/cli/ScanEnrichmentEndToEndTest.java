package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.datastore.Datastore;
import dev.vigil.ecosystem.epss.EpssEnricher;
import dev.vigil.ecosystem.kev.KevEnricher;
import dev.vigil.ecosystem.nvd.CvssEnricher;
import dev.vigil.model.Json;
import dev.vigil.store.Datastores;
import dev.vigil.testing.EnrichmentFixtures;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CVSS, EPSS and KEV on a real scan: the real alpine:3.10 image against a store whose vulnerability
 * data is {@link EnrichmentFixtures#alpineStatements()} and whose enrichment data comes from the
 * fixtures through {@code vigil update --updaters nvd,epss,kev}.
 */
class ScanEnrichmentEndToEndTest {
  @TempDir static Path tmp;
  private static String db;

  @BeforeAll
  static void createStore() throws IOException {
    db = tmp.resolve("enriched.db").toString();
    try (Datastore store = Datastores.open(db)) {
      store.updateVulnerabilities(
          "alpine", "seeded by ScanEnrichmentEndToEndTest", EnrichmentFixtures.alpineStatements());
    }

    CliRun update =
        CliRun.of(
            "update",
            "--db",
            db,
            "--no-progress",
            "--updaters",
            "nvd,epss,kev",
            "--source",
            "nvd=" + EnrichmentFixtures.nvdMirror(),
            "--source",
            "epss=" + EnrichmentFixtures.epssMirror(tmp),
            "--source",
            "kev=" + EnrichmentFixtures.kevMirror(tmp));

    assertThat(update.exitCode()).as(update.err()).isZero();
    assertThat(update.out())
        .contains("nvd: updated, 69 enrichments")
        .contains("epss: updated, 29 enrichments")
        .contains("kev: updated, 2 enrichments");
  }

  private static CliRun scan(String... flags) {
    List<String> args = new ArrayList<>(List.of("scan", "--db", db, "--quiet"));
    args.addAll(List.of(flags));
    args.add(AlpineFeed.image());
    return CliRun.of(args.toArray(String[]::new));
  }

  /** The table's rows, as their cells. */
  private static List<String[]> rows(CliRun scan) {
    List<String[]> rows = new ArrayList<>();
    boolean inTable = false;
    for (String line : scan.out().lines().toList()) {
      if (line.startsWith("SEVERITY")) {
        inTable = true;
      } else if (inTable && !line.isBlank()) {
        rows.add(line.split("\\s{2,}"));
      }
    }
    return rows;
  }

  /** The vulnerability names of the table's rows, each once, in order. */
  private static List<String> names(CliRun scan) {
    Set<String> names = new LinkedHashSet<>();
    rows(scan).forEach(r -> names.add(r[1]));
    return List.copyOf(names);
  }

  @Test
  void theTableShowsCvssEpssAndKev() {
    CliRun scan = scan();

    assertThat(scan.exitCode()).as(scan.err()).isZero();
    assertThat(scan.out().lines())
        .anyMatch(
            l ->
                l.matches(
                    "SEVERITY +VULNERABILITY +PACKAGE +INSTALLED +FIXED-IN +CVSS +EPSS +KEV +LAYER"));
    assertThat(rows(scan))
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith(
                        "CRITICAL",
                        "CVE-2022-34668",
                        "musl",
                        "1.1.22-r3",
                        "1.1.22-r4",
                        "9.8",
                        "0.00311"))
        .anySatisfy(
            r -> assertThat(r).startsWith("HIGH", "CVE-2023-4863", "libcrypto1.1").contains("8.8"))
        .anySatisfy(
            r -> assertThat(r).startsWith("UNKNOWN", "CVE-2021-44228", "busybox").contains("yes"))
        .anySatisfy(
            r ->
                assertThat(r)
                    .startsWith("UNKNOWN", "ALPINE-TEST-1", "apk-tools")
                    .contains("0.00165"));
    assertThat(names(scan))
        .containsExactly("CVE-2022-34668", "CVE-2023-4863", "ALPINE-TEST-1", "CVE-2021-44228");
  }

  @Test
  void sortsByCvssOrEpss() {
    assertThat(names(scan("--sort-by", "cvss")))
        .containsExactly("CVE-2022-34668", "CVE-2023-4863", "ALPINE-TEST-1", "CVE-2021-44228");
    assertThat(names(scan("--sort-by", "EPSS")))
        .containsExactly("CVE-2022-34668", "ALPINE-TEST-1", "CVE-2023-4863", "CVE-2021-44228");
  }

  @Test
  void filtersByCvssEpssAndKev() {
    assertThat(names(scan("--min-cvss", "9"))).containsExactly("CVE-2022-34668");
    assertThat(names(scan("--min-cvss", "8.8"))).containsExactly("CVE-2022-34668", "CVE-2023-4863");
    assertThat(names(scan("--min-epss", "0.002"))).containsExactly("CVE-2022-34668");
    assertThat(names(scan("--min-epss", "0.001")))
        .containsExactly("CVE-2022-34668", "ALPINE-TEST-1");
    assertThat(names(scan("--kev-only"))).containsExactly("CVE-2021-44228");
  }

  @Test
  void findingsLeftOutByARiskFilterDoNotTripTheGate() {
    CliRun all = scan("--fail-on", "high");
    CliRun exploited = scan("--fail-on", "high", "--kev-only");
    CliRun unknownToo = scan("--fail-on", "unknown", "--kev-only");

    assertThat(all.exitCode()).isEqualTo(1);
    assertThat(exploited.exitCode()).as(exploited.err()).isZero();
    assertThat(unknownToo.exitCode()).isEqualTo(1);
  }

  @Test
  void badRiskFlagsAreErrors() {
    assertThat(scan("--min-cvss", "11").exitCode()).isEqualTo(2);
    assertThat(scan("--min-epss", "-0.1").err()).contains("--min-epss: -0.1 is out of range (0-1)");
    CliRun order = scan("--sort-by", "risk");
    assertThat(order.exitCode()).isEqualTo(2);
    assertThat(order.err()).contains("'risk' is not an order (severity, cvss, epss)");
  }

  @Test
  void theJsonReportCarriesTheShownFindingsEnrichmentsInClairsShape() throws IOException {
    CliRun scan = scan("-f", "json", "--min-epss", "0.002");

    JsonNode report = Json.mapper().readTree(scan.out());
    JsonNode vulnerabilities = report.get("vulnerabilities");
    assertThat(vulnerabilities.size()).isEqualTo(1);
    String id = vulnerabilities.fieldNames().next();
    assertThat(vulnerabilities.get(id).get("normalized_severity").asText()).isEqualTo("Critical");
    JsonNode enrichments = report.get("enrichments");
    assertThat(enrichments.fieldNames())
        .toIterable()
        .containsExactly(CvssEnricher.KIND, EpssEnricher.KIND);
    JsonNode cvss = enrichments.get(CvssEnricher.KIND).get(0).get(id);
    assertThat(cvss.get(0).get("version").asText()).isEqualTo("3.1");
    assertThat(cvss.get(0).get("vectorString").asText())
        .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
    assertThat(enrichments.get(EpssEnricher.KIND).get(0).get(id).get(0).get("percentile").asText())
        .isEqualTo("0.70519");
    assertThat(enrichments.get(CvssEnricher.KIND).get(0).size()).isEqualTo(1);
    JsonNode kev =
        Json.mapper().readTree(scan("-f", "json", "--kev-only").out()).get("enrichments");
    assertThat(kev.get(KevEnricher.KIND).get(0).elements().next().get(0).get("cve").asText())
        .isEqualTo("CVE-2021-44228");
  }

  @Test
  void theHtmlReportAndDbStatusShowThemToo() {
    CliRun html = scan("-f", "html");
    CliRun status = CliRun.of("db", "status", "--db", db);

    assertThat(html.out())
        .contains("<td data-label=\"CVSS\">9.8</td><td data-label=\"EPSS\">0.00311</td>")
        .contains("<td data-label=\"KEV\">yes</td>");
    assertThat(status.out().lines())
        .anyMatch(l -> l.matches("nvd +\\S+ +69 .*"))
        .anyMatch(l -> l.matches("kev +\\S+ +2 .*"));
  }
}
