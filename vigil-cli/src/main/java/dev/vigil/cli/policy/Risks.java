package dev.vigil.cli.policy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.ecosystem.epss.EpssEnricher;
import dev.vigil.ecosystem.kev.KevEnricher;
import dev.vigil.ecosystem.nvd.CvssEnricher;
import dev.vigil.model.Json;
import dev.vigil.model.VulnerabilityReport;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Reads a report's CVSS, EPSS and KEV enrichments (Clair's shape: per kind, a list holding one map
 * of vulnerability id to objects), whether the local engine or a Clair server produced them.
 */
final class Risks {
  private final JsonNode cvss;
  private final JsonNode epss;
  private final JsonNode kev;

  Risks(VulnerabilityReport report) {
    this.cvss = byId(report, CvssEnricher.KIND);
    this.epss = byId(report, EpssEnricher.KIND);
    this.kev = byId(report, KevEnricher.KIND);
  }

  /** The risk of the vulnerability with this report id. */
  Risk of(String vulnerabilityId) {
    Optional<BigDecimal> score = Optional.empty();
    JsonNode first = cvss.path(vulnerabilityId).path(0).path("baseScore");
    if (first.isNumber()) {
      score = Optional.of(first.decimalValue());
    }
    Optional<BigDecimal> probability = Optional.empty();
    for (JsonNode item : epss.path(vulnerabilityId)) {
      JsonNode value = item.path("epss");
      if (value.isNumber()
          && probability.map(p -> p.compareTo(value.decimalValue()) < 0).orElse(true)) {
        probability = Optional.of(value.decimalValue());
      }
    }
    boolean exploited = kev.path(vulnerabilityId).size() > 0;
    Risk risk = new Risk(score, probability, exploited);
    return risk.known() ? risk : Risk.NONE;
  }

  private static JsonNode byId(VulnerabilityReport report, String kind) {
    List<Object> entries = report.enrichments().get(kind);
    if (entries == null || entries.isEmpty()) {
      return Json.mapper().missingNode();
    }
    return Json.mapper().valueToTree(entries.get(0));
  }
}
