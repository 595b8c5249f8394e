package dev.vigil.ecosystem.photon;

import dev.vigil.ecosystem.osrelease.FamilyReleaseScanner;
import java.util.List;

/** Recognizes VMware Photon OS from os-release: {@code ID} {@code photon}. */
public final class PhotonReleaseScanner extends FamilyReleaseScanner {

  /** The os-release {@code ID} of Photon OS. */
  public static final String DID = "photon";

  /** The scanner. */
  public PhotonReleaseScanner() {
    super("photon", ids(DID), List.of(), List.of(), List.of());
  }
}
