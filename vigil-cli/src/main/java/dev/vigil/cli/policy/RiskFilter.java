package dev.vigil.cli.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Leaves out the findings below a CVSS score or EPSS probability, or not known to be exploited.
 * What it leaves out is neither shown nor able to trip the gate, as with {@code --ignore-unfixed}.
 *
 * @param minCvss the lowest CVSS base score kept, or null for any (then findings without one stay)
 * @param minEpss the lowest EPSS probability kept, or null for any
 * @param kevOnly keep only the findings CISA lists as known exploited
 */
public record RiskFilter(BigDecimal minCvss, BigDecimal minEpss, boolean kevOnly) {

  /** Keeps everything. */
  public static final RiskFilter NONE = new RiskFilter(null, null, false);

  /** The findings that pass, in their order. */
  public List<Finding> apply(List<Finding> findings) {
    return findings.stream().filter(this::passes).toList();
  }

  /**
   * Warnings for the score filters that no finding has data for, e.g. {@code --min-cvss} when the
   * store holds no NVD data: they leave every finding out.
   */
  public List<String> missingData(List<Finding> findings) {
    if (findings.isEmpty()) {
      return List.of();
    }
    List<String> warnings = new ArrayList<>();
    if (minCvss != null && findings.stream().allMatch(f -> f.risk().cvss().isEmpty())) {
      warnings.add(missing("--min-cvss", "a CVSS score", "nvd"));
    }
    if (minEpss != null && findings.stream().allMatch(f -> f.risk().epss().isEmpty())) {
      warnings.add(missing("--min-epss", "an EPSS probability", "epss"));
    }
    return warnings;
  }

  private static String missing(String option, String what, String updater) {
    return option
        + ": no finding has "
        + what
        + "; is the "
        + updater
        + " feed loaded? (vigil update --updaters "
        + updater
        + ")";
  }

  private boolean passes(Finding finding) {
    Risk risk = finding.risk();
    if (kevOnly && !risk.kev()) {
      return false;
    }
    if (minCvss != null && risk.cvss().map(s -> s.compareTo(minCvss) < 0).orElse(true)) {
      return false;
    }
    return minEpss == null || !risk.epss().map(p -> p.compareTo(minEpss) < 0).orElse(true);
  }
}
