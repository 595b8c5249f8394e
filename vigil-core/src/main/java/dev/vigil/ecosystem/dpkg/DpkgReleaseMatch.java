package dev.vigil.ecosystem.dpkg;

import dev.vigil.model.Vulnerability;
import java.util.Optional;

/**
 * The judgement the Debian and Ubuntu matchers share: a vulnerability affects an installed package
 * when the feed states it for the image's release and the installed version is older than the fix
 * by dpkg's ordering, or nothing fixes it yet.
 */
public final class DpkgReleaseMatch {
  private DpkgReleaseMatch() {}

  /**
   * Whether {@code vulnerability} affects a package at {@code installed} in {@code release}.
   *
   * @param release the image's release codename, empty when unknown (nothing matches then)
   */
  public static boolean affects(
      Optional<String> release, Vulnerability vulnerability, String installed) {
    if (vulnerability.distribution() == null
        || release.isEmpty()
        || !release.get().equals(vulnerability.distribution().versionCodeName())) {
      return false;
    }
    return !vulnerability.hasFix()
        || DpkgVersion.INSTANCE.compare(installed, vulnerability.fixedInVersion()) < 0;
  }
}
