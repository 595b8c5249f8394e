package dev.vigil.ecosystem.mariner;

import dev.vigil.ecosystem.rpm.RpmMatcher;
import java.util.Set;

/**
 * Matches installed CBL-Mariner and Azure Linux rpms against Microsoft's OVAL, keyed by binary
 * package and did ({@code mariner} or {@code azurelinux}); the OVAL files are per {@code
 * major.minor} release, so a statement applies to images whose version id has the same major and
 * minor. Unpatched statements affect every version up to the last affected one.
 *
 * <p>Stateless and thread-safe.
 */
public final class MarinerMatcher extends RpmMatcher {

  /** The matcher. */
  public MarinerMatcher() {
    super(
        MarinerOval.NAME,
        Set.of(MarinerReleaseScanner.MARINER, MarinerReleaseScanner.AZURE_LINUX),
        RpmMatcher::majorMinor);
  }
}
