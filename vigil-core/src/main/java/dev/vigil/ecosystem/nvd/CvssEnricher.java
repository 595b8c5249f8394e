package dev.vigil.ecosystem.nvd;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Severity;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.Enricher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Attaches the NVD's CVSS data ({@code cvssData} objects) of each vulnerability's CVEs, v3.x first,
 * then v4.0, then v2, under claircore's {@code clair.cvss} key; and gives vulnerabilities whose
 * feed stated no severity ({@code Unknown}, as in Alpine's SecDB) the severity of the first of
 * them.
 */
public final class CvssEnricher implements Enricher {

  /** The report's enrichment key: claircore's CVSS enricher's. */
  public static final String KIND =
      "message/vnd.clair.map.vulnerability; enricher=clair.cvss"
          + " schema=https://csrc.nist.gov/schema/nvd/api/2.0/cve_api_json_2.0.schema";

  private static final List<String> PREFERENCE = List.of("3.1", "3.0", "4.0", "2.0");

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String updater() {
    return NvdUpdater.NAME;
  }

  /** The records, v3.1 and v3.0 first, then v4.0, then v2; stable otherwise. */
  @Override
  public List<JsonNode> attach(List<JsonNode> records) {
    List<JsonNode> sorted = new ArrayList<>(records);
    sorted.sort(Comparator.comparingInt(CvssEnricher::rank));
    return sorted;
  }

  @Override
  public Vulnerability adjust(Vulnerability vulnerability, List<JsonNode> attached) {
    Severity stated = vulnerability.normalizedSeverity();
    if (stated != null && stated != Severity.Unknown) {
      return vulnerability;
    }
    Severity severity = severity(attached.get(0));
    if (severity == Severity.Unknown) {
      return vulnerability;
    }
    return new Vulnerability(
        vulnerability.id(),
        vulnerability.updater(),
        vulnerability.name(),
        vulnerability.description(),
        vulnerability.issued(),
        vulnerability.links(),
        vulnerability.severity(),
        severity,
        vulnerability.pkg(),
        vulnerability.distribution(),
        vulnerability.repository(),
        vulnerability.fixedInVersion(),
        vulnerability.archOp());
  }

  /**
   * The severity of one {@code cvssData} object: its {@code baseSeverity} ({@code NONE} is {@code
   * Negligible}), else from its {@code baseScore} by the CVSS v3 ranges.
   */
  static Severity severity(JsonNode cvss) {
    String text = cvss.path("baseSeverity").asText("").toUpperCase(Locale.ROOT);
    if (text.equals("NONE")) {
      return Severity.Negligible;
    }
    if (!text.isEmpty()) {
      return Severity.parse(text);
    }
    if (!cvss.path("baseScore").isNumber()) {
      return Severity.Unknown;
    }
    double score = cvss.path("baseScore").asDouble();
    if (score >= 9.0) {
      return Severity.Critical;
    } else if (score >= 7.0) {
      return Severity.High;
    } else if (score >= 4.0) {
      return Severity.Medium;
    }
    return score > 0 ? Severity.Low : Severity.Negligible;
  }

  private static int rank(JsonNode cvss) {
    int rank = PREFERENCE.indexOf(cvss.path("version").asText(""));
    return rank < 0 ? PREFERENCE.size() : rank;
  }
}
