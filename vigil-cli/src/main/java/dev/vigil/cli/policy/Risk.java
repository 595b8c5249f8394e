package dev.vigil.cli.policy;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What the enrichments say of a finding's risk.
 *
 * @param cvss the CVSS base score the NVD gives (v3.x preferred, then v4.0, then v2), if any
 * @param epss the EPSS probability of exploitation in the next 30 days, if any
 * @param kev true when CISA lists the vulnerability as known to be exploited
 */
public record Risk(Optional<BigDecimal> cvss, Optional<BigDecimal> epss, boolean kev) {

  /** Nothing known. */
  public static final Risk NONE = new Risk(Optional.empty(), Optional.empty(), false);

  /** True when any enrichment says something of this finding. */
  public boolean known() {
    return cvss.isPresent() || epss.isPresent() || kev;
  }
}
