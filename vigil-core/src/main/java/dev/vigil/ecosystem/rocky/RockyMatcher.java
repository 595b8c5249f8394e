package dev.vigil.ecosystem.rocky;

import dev.vigil.ecosystem.rpm.RpmMatcher;
import java.util.Set;

/**
 * Matches installed Rocky Linux rpms (os-release {@code ID} {@code rocky}) against the {@code
 * rocky} OVAL, by binary package and major version (one OVAL file per major version), with the
 * architecture and module stream the statement names.
 *
 * <p>Stateless and thread-safe.
 */
public final class RockyMatcher extends RpmMatcher {

  /** The matcher. */
  public RockyMatcher() {
    super(RockyOval.NAME, Set.of(RockyReleaseScanner.DID), RpmMatcher::major);
  }
}
