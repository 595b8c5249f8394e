package dev.vigil.ecosystem.epss;

import dev.vigil.spi.Enricher;

/** Attaches the EPSS score (probability and percentile) of each vulnerability's CVEs. */
public final class EpssEnricher implements Enricher {

  /** The report's enrichment key: claircore's EPSS enricher's, schema URL included. */
  public static final String KIND =
      "message/vnd.clair.map.vulnerability; enricher=clair.epss"
          + " schema=https://csrc.nist.gov/schema/nvd/feed/1.1/cvss-v3.x.json";

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String updater() {
    return EpssUpdater.NAME;
  }
}
