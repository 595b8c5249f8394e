package dev.vigil.ecosystem.rocky;

import dev.vigil.ecosystem.osrelease.FamilyReleaseScanner;
import java.util.List;

/**
 * Recognizes Rocky Linux: os-release {@code ID} {@code rocky}; without os-release, {@code
 * etc/rocky-release} ({@code Rocky Linux release 8.4 (Green Obsidian)}), then {@code
 * etc/system-release-cpe}.
 */
public final class RockyReleaseScanner extends FamilyReleaseScanner {

  /** The os-release {@code ID} of Rocky Linux. */
  public static final String DID = "rocky";

  /** The scanner. */
  public RockyReleaseScanner() {
    super(
        "rocky",
        ids(DID),
        List.of(new ReleaseFile("etc/rocky-release", releaseLine("Rocky Linux"), DID)),
        List.of(new CpeProduct("rocky", "rocky", DID, "Rocky Linux")),
        List.of());
  }
}
