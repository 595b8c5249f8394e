package dev.vigil.ecosystem.nvd;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Json;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import java.util.List;
import org.junit.jupiter.api.Test;

class CvssEnricherTest {
  private final CvssEnricher enricher = new CvssEnricher();

  private static JsonNode cvss(String json) throws Exception {
    return Json.mapper().readTree(json);
  }

  private static Vulnerability vulnerability(Severity severity) {
    return new Vulnerability(
        "1", "alpine", "CVE-2022-34668", "", null, "", "", severity, null, null, null, "", "");
  }

  @Test
  void putsV3FirstThenV4ThenV2() throws Exception {
    JsonNode v2 = cvss("{\"version\": \"2.0\", \"baseScore\": 7.5}");
    JsonNode v4 = cvss("{\"version\": \"4.0\", \"baseScore\": 9.3}");
    JsonNode v31 = cvss("{\"version\": \"3.1\", \"baseScore\": 9.8}");

    assertThat(enricher.attach(List.of(v2, v4, v31))).containsExactly(v31, v4, v2);
  }

  @Test
  void givesUnknownVulnerabilitiesTheFirstSeverityAndKeepsStatedOnes() throws Exception {
    List<JsonNode> attached =
        List.of(cvss("{\"version\": \"3.1\", \"baseScore\": 9.8, \"baseSeverity\": \"CRITICAL\"}"));

    assertThat(enricher.adjust(vulnerability(Severity.Unknown), attached).normalizedSeverity())
        .isEqualTo(Severity.Critical);
    assertThat(enricher.adjust(vulnerability(Severity.Low), attached).normalizedSeverity())
        .isEqualTo(Severity.Low);
  }

  @Test
  void severityFromTheScoreWhenNoneIsStated() throws Exception {
    assertThat(CvssEnricher.severity(cvss("{\"baseScore\": 7.0}"))).isEqualTo(Severity.High);
    assertThat(CvssEnricher.severity(cvss("{\"baseScore\": 4.0}"))).isEqualTo(Severity.Medium);
    assertThat(CvssEnricher.severity(cvss("{\"baseScore\": 0.1}"))).isEqualTo(Severity.Low);
    assertThat(CvssEnricher.severity(cvss("{\"baseScore\": 0}"))).isEqualTo(Severity.Negligible);
    assertThat(CvssEnricher.severity(cvss("{\"baseSeverity\": \"NONE\"}")))
        .isEqualTo(Severity.Negligible);
    assertThat(CvssEnricher.severity(cvss("{}"))).isEqualTo(Severity.Unknown);
  }
}
