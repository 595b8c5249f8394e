package dev.vigil.ecosystem.nvd;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.EnrichmentRecord;
import dev.vigil.spi.ScanException;
import dev.vigil.testing.BrokenJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NvdPageParserTest {
  private static final String PAGES = "feeds/nvd/api-2.0/";

  private static List<EnrichmentRecord> parse(String page) throws IOException {
    List<EnrichmentRecord> records = new ArrayList<>();
    try (InputStream in = Files.newInputStream(fixture(PAGES + page))) {
      NvdPageParser.parse(in, page, records::add);
    }
    return records;
  }

  private static List<String> versions(List<EnrichmentRecord> records, String cve) {
    return records.stream()
        .filter(r -> r.cve().equals(cve))
        .map(r -> r.data().path("version").asText() + " " + r.data().path("baseScore").asText())
        .toList();
  }

  @Test
  void everyFixturePageParses() throws IOException {
    try (Stream<Path> pages = Files.list(fixture(PAGES))) {
      for (Path page : pages.toList()) {
        List<EnrichmentRecord> records = parse(page.getFileName().toString());
        assertThat(records)
            .as(page.toString())
            .allSatisfy(
                r -> {
                  assertThat(r.cve()).matches("CVE-\\d{4}-\\d{4,}");
                  assertThat(r.data().path("vectorString").asText()).isNotEmpty();
                  assertThat(r.data().path("baseScore").isNumber()).isTrue();
                  assertThat(r.data().path("baseSeverity").asText()).isNotEmpty();
                });
      }
    }
  }

  @Test
  void keepsOneMetricPerCvssVersionPreferringThePrimarySource() throws IOException {
    // CVE-2016-1585: v3.1 Primary 9.8, v3.0 Secondary 3.9, v2 Primary 7.5
    assertThat(versions(parse("CVE-2016-1585.json"), "CVE-2016-1585"))
        .containsExactly("3.1 9.8", "2.0 7.5");
    // CVE-2024-3094: v3.1 from Red Hat (Secondary) first, then NVD's (Primary)
    List<EnrichmentRecord> xz = parse("CVE-2024-3094.json");
    assertThat(versions(xz, "CVE-2024-3094")).containsExactly("3.1 10");
    assertThat(xz.get(0).data().path("source").isMissingNode()).isTrue();
    assertThat(xz.get(0).data().path("vectorString").asText())
        .isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H");
    // CVE-2024-47177 has only a secondary source's v3.1
    assertThat(versions(parse("CVE-2024-47177.json"), "CVE-2024-47177")).containsExactly("3.1 9.0");
  }

  @Test
  void v2MetricsCarryTheirSeverityAndAPrimaryV30BeatsASecondaryV31() throws IOException {
    List<EnrichmentRecord> records = parse("claircore-3-cves.json");

    // CVE-2016-2781: v3.1 only from a secondary source, v3.0 from NVD (Primary)
    assertThat(versions(records, "CVE-2016-2781")).containsExactly("3.0 6.5", "2.0 2.1");
    assertThat(records.get(1).data().path("baseSeverity").asText()).isEqualTo("LOW");
    assertThat(versions(parse("CVE-2017-6507.json"), "CVE-2017-6507"))
        .containsExactly("3.0 5.9", "2.0 4.3");
  }

  @Test
  void skipsRejectedCvesAndCvesWithoutMetrics() throws IOException {
    List<EnrichmentRecord> records = parse("claircore-3-cves.json");
    assertThat(records).extracting(EnrichmentRecord::cve).doesNotContain("CVE-2016-3197");

    List<EnrichmentRecord> page = parse("page-38-cves.json");
    assertThat(page).extracting(EnrichmentRecord::cve).doesNotContain("CVE-2023-43250");
    assertThat(page.stream().map(EnrichmentRecord::cve).distinct()).hasSize(35);
  }

  @Test
  void readsThePagingFields() throws IOException {
    try (InputStream in = Files.newInputStream(fixture(PAGES + "page-38-cves.json"))) {
      assertThat(NvdPageParser.paging(in, "page")).isEqualTo(new NvdPageParser.Paging(0, 38, 38));
    }
  }

  @Test
  void malformedPagesFailWithAScanException() {
    assertThatThrownBy(() -> parseText("{\"resultsPerPage\": 1, \"vulnerabilities\": [{\"cve\": "))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("nvd: bad.json: malformed JSON");
    assertThatThrownBy(() -> parseText("[1, 2]"))
        .isInstanceOf(ScanException.class)
        .hasMessage("nvd: bad.json: not a CVE API 2.0 page (no JSON object)");
    assertThatThrownBy(() -> parseText("{\"totalResults\": 0}"))
        .isInstanceOf(ScanException.class)
        .hasMessage("nvd: bad.json: not a CVE API 2.0 page (no vulnerabilities)");
    assertThatThrownBy(() -> parseText("{\"vulnerabilities\": [{\"cve\": {\"id\": \"x\"}}]}"))
        .isInstanceOf(ScanException.class)
        .hasMessage("nvd: bad.json: vulnerability 0 has no CVE id");
  }

  private static void parseText(String json) throws IOException {
    NvdPageParser.parse(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "bad.json", r -> {});
  }

  @Test
  void refusesAPageInABrokenEncoding() {
    assertThatThrownBy(() -> NvdPageParser.parse(BrokenJson.stream(), "page", r -> {}))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("nvd: page: malformed JSON: ");
    assertThatThrownBy(() -> NvdPageParser.paging(BrokenJson.stream(), "page"))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("nvd: page: malformed JSON: ");
  }
}
