package dev.vigil.matcher;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.datastore.VulnerabilityStore;
import dev.vigil.model.EnrichmentRecord;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.Enricher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The enrichment step after matching: finds the CVE ids of each reported vulnerability (its name,
 * and any CVE id in its links, such as an OSV alias link), asks the store for each enricher's
 * records of them, and builds the report's {@code enrichments} in Clair's shape: per kind, a list
 * holding one map of vulnerability id to the attached objects.
 */
final class ReportEnrichment {
  /** claircore's relaxed CVE pattern: any case, dashes or underscores between the parts. */
  private static final Pattern CVE = Pattern.compile("(?i)\\bcve[-_](\\d{4})[-_](\\d{4,})\\b");

  private final List<Enricher> enrichers;
  private final VulnerabilityStore store;

  ReportEnrichment(List<Enricher> enrichers, VulnerabilityStore store) {
    this.enrichers = List.copyOf(enrichers);
    this.store = store;
  }

  /** What enriching the vulnerabilities gives. */
  record Result(
      Map<String, Vulnerability> vulnerabilities, Map<String, List<Object>> enrichments) {}

  /** Enriches {@code vulnerabilities} (by id); they come back adjusted by the enrichers. */
  Result enrich(Map<String, Vulnerability> vulnerabilities) {
    Map<String, Vulnerability> adjusted = new LinkedHashMap<>(vulnerabilities);
    Map<String, List<Object>> enrichments = new LinkedHashMap<>();
    Map<String, Set<String>> cvesById = new TreeMap<>();
    Set<String> allCves = new TreeSet<>();
    vulnerabilities.forEach(
        (id, v) -> {
          Set<String> cves = cveIds(v);
          if (!cves.isEmpty()) {
            cvesById.put(id, cves);
            allCves.addAll(cves);
          }
        });
    if (allCves.isEmpty()) {
      return new Result(adjusted, enrichments);
    }
    for (Enricher enricher : enrichers) {
      Map<String, List<EnrichmentRecord>> records = store.enrichments(enricher.updater(), allCves);
      Map<String, List<JsonNode>> attachedById = new TreeMap<>();
      cvesById.forEach(
          (id, cves) -> {
            List<JsonNode> found = new ArrayList<>();
            for (String cve : cves) {
              records.getOrDefault(cve, List.of()).forEach(r -> found.add(r.data()));
            }
            List<JsonNode> attached = found.isEmpty() ? List.of() : enricher.attach(found);
            if (!attached.isEmpty()) {
              attachedById.put(id, attached);
              adjusted.put(id, enricher.adjust(adjusted.get(id), attached));
            }
          });
      if (!attachedById.isEmpty()) {
        enrichments.put(enricher.kind(), List.of(attachedById));
      }
    }
    return new Result(adjusted, enrichments);
  }

  /** The CVE ids a vulnerability names, upper case with dashes, in order. */
  static Set<String> cveIds(Vulnerability v) {
    Set<String> ids = new TreeSet<>();
    for (String text : new String[] {v.name(), v.links()}) {
      if (text == null) {
        continue;
      }
      Matcher m = CVE.matcher(text);
      while (m.find()) {
        ids.add(("CVE-" + m.group(1) + "-" + m.group(2)).toUpperCase(Locale.ROOT));
      }
    }
    return ids;
  }
}
