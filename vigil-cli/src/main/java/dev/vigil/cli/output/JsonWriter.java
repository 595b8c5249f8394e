package dev.vigil.cli.output;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.vigil.cli.policy.Suppressed;
import dev.vigil.model.Json;
import dev.vigil.model.Vulnerability;
import dev.vigil.model.VulnerabilityReport;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Clair v4's VulnerabilityReport, holding only the shown findings and the enrichments (CVSS, EPSS,
 * KEV) of their vulnerabilities. Suppressed findings, when asked for, go into the {@code
 * enrichments} under {@value #SUPPRESSED}, one object per finding.
 */
final class JsonWriter implements ReportWriter {

  /** The enrichment kind that lists suppressed findings. */
  static final String SUPPRESSED = "message/vnd.vigil.suppressed";

  /** Clair's media type of enrichments that map vulnerability ids to data. */
  private static final String VULNERABILITY_MAP = "message/vnd.clair.map.vulnerability";

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  @Override
  public void write(ScanResult result, OutputStream out) throws IOException {
    VulnerabilityReport full = result.report();
    Map<String, List<String>> byPackage = new LinkedHashMap<>();
    Map<String, Vulnerability> vulnerabilities = new TreeMap<>();
    Set<String> shownPairs = new HashSet<>();
    result.shown().forEach(f -> shownPairs.add(f.packageId() + "\n" + f.vulnerability().id()));
    full.packageVulnerabilities()
        .forEach(
            (packageId, ids) -> {
              for (String id : ids) {
                if (shownPairs.contains(packageId + "\n" + id)) {
                  byPackage.computeIfAbsent(packageId, k -> new ArrayList<>()).add(id);
                  vulnerabilities.put(id, full.vulnerabilities().get(id));
                }
              }
            });
    Map<String, List<Object>> enrichments = shownOnly(full.enrichments(), vulnerabilities.keySet());
    if (!result.suppressed().isEmpty()) {
      List<Object> entries = new ArrayList<>();
      for (Suppressed s : result.suppressed()) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("package_id", s.finding().packageId());
        entry.put("vulnerability_id", s.finding().vulnerability().id());
        entry.put("name", s.finding().name());
        entry.put("source", s.source().label());
        entry.put("status", s.status());
        entry.put("justification", s.justification());
        entry.put("statement", s.statement());
        entries.add(entry);
      }
      enrichments.put(SUPPRESSED, entries);
    }
    VulnerabilityReport shown =
        new VulnerabilityReport(
            full.manifestHash(),
            full.packages(),
            full.distributions(),
            full.repository(),
            full.environments(),
            vulnerabilities,
            byPackage,
            enrichments);
    String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(shown);
    out.write((json + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The enrichments, with the maps of vulnerability ids (CVSS, EPSS, KEV) cut down to the shown
   * vulnerabilities; a kind left with nothing is dropped.
   */
  private static Map<String, List<Object>> shownOnly(
      Map<String, List<Object>> enrichments, Set<String> shown) {
    Map<String, List<Object>> kept = new LinkedHashMap<>();
    enrichments.forEach(
        (kind, entries) -> {
          if (!kind.startsWith(VULNERABILITY_MAP)) {
            kept.put(kind, entries);
            return;
          }
          List<Object> maps = new ArrayList<>();
          for (Object entry : entries) {
            Map<String, Object> byId = new TreeMap<>(Json.mapper().convertValue(entry, MAP));
            byId.keySet().retainAll(shown);
            if (!byId.isEmpty()) {
              maps.add(byId);
            }
          }
          if (!maps.isEmpty()) {
            kept.put(kind, maps);
          }
        });
    return kept;
  }
}
