package dev.vigil.ecosystem.dpkg;

import dev.vigil.ecosystem.oval.OvalDocument;
import dev.vigil.ecosystem.oval.PackageChecks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@code dpkginfo_test} of Debian's or Canonical's OVAL says about the fix: its state's
 * {@code evr} field {@code less than X} means "fixed in X" (written without the {@code 0:} epoch
 * that OVAL adds, as dpkg and the security trackers write it); {@code less than 0:0}, which no
 * version satisfies, is how Debian states "not fixed yet"; a test without a state matches every
 * installed version, so nothing fixes it either.
 */
public final class DpkgOvalFix {
  private static final String LESS_THAN = "less than";
  private static final String ZERO_EPOCH = "0:";

  private DpkgOvalFix() {}

  /**
   * A binary or source package and the version that fixes it, empty when none does yet.
   *
   * @param pkg the package name
   * @param fixedVersion the fixed version, or empty
   */
  public record Fix(String pkg, String fixedVersion) {}

  /**
   * The fixes a definition states.
   *
   * @param fixes one per package of each readable dpkg check, in criteria order
   * @param skipped how many of its package checks could not be read (unresolved references,
   *     operations other than {@code less than}, versions dpkg rejects)
   */
  public record Fixes(List<Fix> fixes, int skipped) {}

  /** Reads the fixes of one definition. */
  public static Fixes of(OvalDocument document, OvalDocument.Definition definition) {
    PackageChecks.Resolution resolution = PackageChecks.of(document, definition);
    List<Fix> fixes = new ArrayList<>();
    int skipped = resolution.unresolved();
    for (PackageChecks.Check check : resolution.checks()) {
      Optional<String> fixed = of(check);
      if (fixed.isEmpty()) {
        skipped++;
      } else {
        check.names().forEach(name -> fixes.add(new Fix(name, fixed.get())));
      }
    }
    return new Fixes(List.copyOf(fixes), skipped);
  }

  /**
   * The fixed version a check states: a version, or empty for "not fixed"; no value at all when the
   * check is not a dpkg check with a {@code less than} version bound that dpkg accepts.
   */
  static Optional<String> of(PackageChecks.Check check) {
    if (!check.testKind().equals("dpkginfo_test")) {
      return Optional.empty();
    }
    if (check.state() == null) {
      return Optional.of("");
    }
    OvalDocument.Field evr = check.field("evr");
    if (evr == null || !evr.operation().equals(LESS_THAN)) {
      return Optional.empty();
    }
    String version =
        evr.value().startsWith(ZERO_EPOCH)
            ? evr.value().substring(ZERO_EPOCH.length())
            : evr.value();
    if (DpkgVersion.problem(version).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(DpkgVersion.INSTANCE.compare(version, "0") == 0 ? "" : version);
  }
}
