package dev.vigil.cli.policy;

import java.util.List;

/**
 * What a policy made of the findings.
 *
 * @param shown the findings to report: kept, and of a severity asked for
 * @param kept every finding that no rule took out, whatever its severity
 * @param suppressed the findings an ignore file or VEX statement took out
 * @param expired the ignore entries that no longer apply
 */
public record PolicyResult(
    List<Finding> shown,
    List<Finding> kept,
    List<Suppressed> suppressed,
    List<IgnoreEntry> expired) {

  /** Copies the lists. */
  public PolicyResult {
    shown = List.copyOf(shown);
    kept = List.copyOf(kept);
    suppressed = List.copyOf(suppressed);
    expired = List.copyOf(expired);
  }
}
