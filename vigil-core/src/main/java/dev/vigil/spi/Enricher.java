package dev.vigil.spi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Vulnerability;
import java.util.List;

/**
 * Attaches the records an {@link EnrichmentUpdater} stored to the vulnerabilities of a report, as
 * claircore's enrichers do: under {@link #kind()} in the report's {@code enrichments}, one map of
 * vulnerability id to the JSON objects of the vulnerability's CVEs.
 */
public interface Enricher {

  /** The key in the report's {@code enrichments}, e.g. Clair's {@code clair.cvss} media type. */
  String kind();

  /** The name of the updater whose records this enricher reads. */
  String updater();

  /**
   * The objects to attach to one vulnerability, given the records of its CVEs in CVE order; by
   * default all of them, in that order.
   */
  default List<JsonNode> attach(List<JsonNode> records) {
    return records;
  }

  /**
   * The vulnerability as the attached objects leave it; by default unchanged. A CVSS enricher, for
   * one, gives a severity to vulnerabilities whose feed stated none.
   */
  default Vulnerability adjust(Vulnerability vulnerability, List<JsonNode> attached) {
    return vulnerability;
  }
}
