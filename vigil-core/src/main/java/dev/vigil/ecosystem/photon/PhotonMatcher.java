package dev.vigil.ecosystem.photon;

import dev.vigil.ecosystem.rpm.RpmMatcher;
import java.util.Set;

/**
 * Matches installed Photon OS rpms (os-release {@code ID} {@code photon}) against the {@code
 * photon} OVAL, by binary package and major version (one OVAL file per major version), with the
 * architecture and module stream the statement names.
 *
 * <p>Stateless and thread-safe.
 */
public final class PhotonMatcher extends RpmMatcher {

  /** The matcher. */
  public PhotonMatcher() {
    super(PhotonOval.NAME, Set.of(PhotonReleaseScanner.DID), RpmMatcher::major);
  }
}
