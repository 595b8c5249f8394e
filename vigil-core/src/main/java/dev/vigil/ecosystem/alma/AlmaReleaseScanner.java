package dev.vigil.ecosystem.alma;

import dev.vigil.ecosystem.osrelease.FamilyReleaseScanner;
import java.util.List;

/**
 * Recognizes AlmaLinux: os-release {@code ID} {@code almalinux}; without os-release, {@code
 * etc/almalinux-release} ({@code AlmaLinux release 8.4 (Electric Cheetah)}), then {@code
 * etc/system-release-cpe}.
 */
public final class AlmaReleaseScanner extends FamilyReleaseScanner {

  /** The os-release {@code ID} of AlmaLinux. */
  public static final String DID = "almalinux";

  /** The scanner. */
  public AlmaReleaseScanner() {
    super(
        "alma",
        ids(DID),
        List.of(new ReleaseFile("etc/almalinux-release", releaseLine("AlmaLinux"), DID)),
        List.of(new CpeProduct("almalinux", "almalinux", DID, "AlmaLinux")),
        List.of());
  }
}
