package dev.vigil.ecosystem.alma;

import dev.vigil.ecosystem.rpm.RpmMatcher;
import java.util.Set;

/**
 * Matches installed AlmaLinux rpms (os-release {@code ID} {@code almalinux}) against the {@code
 * alma} OVAL, by binary package and major version (one OVAL file per major version), with the
 * architecture and module stream the statement names.
 *
 * <p>Stateless and thread-safe.
 */
public final class AlmaMatcher extends RpmMatcher {

  /** The matcher. */
  public AlmaMatcher() {
    super(AlmaOval.NAME, Set.of(AlmaReleaseScanner.DID), RpmMatcher::major);
  }
}
