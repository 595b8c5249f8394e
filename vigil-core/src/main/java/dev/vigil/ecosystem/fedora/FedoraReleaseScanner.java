package dev.vigil.ecosystem.fedora;

import dev.vigil.ecosystem.osrelease.FamilyReleaseScanner;
import java.util.List;

/**
 * Recognizes Fedora: os-release {@code ID} {@code fedora}; without os-release, {@code
 * etc/fedora-release} ({@code Fedora release 29 (Twenty Nine)}), then {@code
 * etc/system-release-cpe}.
 */
public final class FedoraReleaseScanner extends FamilyReleaseScanner {

  /** The os-release {@code ID} of Fedora. */
  public static final String DID = "fedora";

  /** The scanner. */
  public FedoraReleaseScanner() {
    super(
        "fedora",
        ids(DID),
        List.of(new ReleaseFile("etc/fedora-release", releaseLine("Fedora"), DID)),
        List.of(new CpeProduct("fedoraproject", "fedora", DID, "Fedora")),
        List.of());
  }
}
