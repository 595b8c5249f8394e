package dev.vigil.ecosystem.kev;

import dev.vigil.spi.Enricher;

/** Attaches the KEV catalog's entry to every vulnerability whose CVE CISA lists as exploited. */
public final class KevEnricher implements Enricher {

  /** The report's enrichment key: claircore's KEV enricher's. */
  public static final String KIND =
      "message/vnd.clair.map.vulnerability; enricher=clair.kev"
          + " schema=https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities_schema.json";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String updater() {
    return KevUpdater.NAME;
  }
}
