package dev.vigil.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What an enrichment feed says about one CVE, as claircore's {@code EnrichmentRecord}: the CVE it
 * is tagged with and a JSON object that reports carry as is.
 *
 * @param cve the CVE id, e.g. {@code CVE-2022-34668}
 * @param data the JSON object attached to reports, e.g. a CVSS {@code cvssData} object
 */
public record EnrichmentRecord(String cve, JsonNode data) {

  /** Checks that both parts are present. */
  public EnrichmentRecord {
    Objects.requireNonNull(cve, "cve");
    Objects.requireNonNull(data, "data");
  }
}
