package dev.vigil.ecosystem.amazon;

import dev.vigil.ecosystem.osrelease.FamilyReleaseScanner;
import java.util.List;

/**
 * Recognizes Amazon Linux 1, 2 and 2023: os-release {@code ID} {@code amzn}, whose {@code
 * VERSION_ID} is {@code 2018.03}, {@code 2} or {@code 2023}; without os-release, {@code
 * etc/system-release} ({@code Amazon Linux AMI release 2018.03}, {@code Amazon Linux release 2
 * (Karoo)}), then {@code etc/system-release-cpe}.
 */
public final class AmazonReleaseScanner extends FamilyReleaseScanner {

  /** The os-release {@code ID} of Amazon Linux. */
  public static final String DID = "amzn";

  /** The scanner. */
  public AmazonReleaseScanner() {
    super(
        "amazon",
        ids(DID),
        List.of(new ReleaseFile("etc/system-release", releaseLine("Amazon Linux(?: AMI)?"), DID)),
        List.of(
            new CpeProduct("amazon", "amazon_linux", DID, "Amazon Linux"),
            new CpeProduct("amazon", "linux", DID, "Amazon Linux AMI")),
        List.of());
  }
}
