package dev.vigil.cli.policy;

import dev.vigil.model.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What to report: unfixed findings can be left out, ignore-file entries and VEX statements take
 * findings out as suppressed, and only the severities asked for are shown.
 *
 * @param severities the severities to show
 * @param ignoreUnfixed leave out findings without a fixed version
 * @param ignoreFile the ignore file, or null
 * @param vex the VEX statements (possibly none)
 * @param today the day against which ignore entries expire
 */
public record Policy(
    Set<Severity> severities,
    boolean ignoreUnfixed,
    IgnoreFile ignoreFile,
    VexDocument vex,
    LocalDate today) {

  /** Copies the severities. */
  public Policy {
    severities = severities.isEmpty() ? EnumSet.noneOf(Severity.class) : EnumSet.copyOf(severities);
  }

  /** Applies the policy to findings, keeping their order. */
  public PolicyResult apply(List<Finding> findings) {
    List<Finding> kept = new ArrayList<>();
    List<Suppressed> suppressed = new ArrayList<>();
    for (Finding finding : findings) {
      if (ignoreUnfixed && !finding.hasFix()) {
        continue;
      }
      Optional<Suppressed> why = suppression(finding);
      if (why.isPresent()) {
        suppressed.add(why.get());
      } else {
        kept.add(finding);
      }
    }
    List<Finding> shown = kept.stream().filter(f -> severities.contains(f.severity())).toList();
    List<IgnoreEntry> expired = ignoreFile == null ? List.of() : ignoreFile.expired(today);
    return new PolicyResult(shown, kept, suppressed, expired);
  }

  private Optional<Suppressed> suppression(Finding finding) {
    if (ignoreFile != null) {
      Optional<IgnoreEntry> entry = ignoreFile.suppressing(finding, today);
      if (entry.isPresent()) {
        return Optional.of(
            new Suppressed(
                finding, Suppressed.Source.IGNORE_FILE, "ignored", "", entry.get().statement()));
      }
    }
    return vex.deciding(finding)
        .filter(VexStatement::suppresses)
        .map(
            s ->
                new Suppressed(
                    finding,
                    Suppressed.Source.VEX,
                    s.status(),
                    s.justification(),
                    s.impactStatement()));
  }
}
