package dev.vigil.ecosystem.amazon;

import dev.vigil.ecosystem.osrelease.FamilyReleaseScanner;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Recognizes Amazon Linux 1, 2 and 2023: os-release {@code ID} {@code amzn}, whose {@code
 * VERSION_ID} is {@code 2018.03}, {@code 2} or {@code 2023}; without os-release, {@code
 * etc/system-release}, then {@code etc/system-release-cpe}.
 */
public final class AmazonReleaseScanner extends FamilyReleaseScanner {

  /** The os-release {@code ID} of Amazon Linux. */
  public static final String DID = "amzn";

  /**
   * {@code Amazon Linux AMI release 2018.03}, {@code Amazon Linux release 2 (Karoo)}, {@code Amazon
   * Linux release 2023.5.20240805 (Amazon Linux)}: the version is what os-release's {@code
   * VERSION_ID} says ({@code 2018.03}, {@code 2}, {@code 2023}), not the point release.
   */
  private static final Pattern SYSTEM_RELEASE =
      Pattern.compile(
          "(?<name>Amazon Linux(?: AMI)?) release (?<version>\\d{4}\\.\\d{2}(?=\\s|$)|\\d+)");

  /** The scanner. */
  public AmazonReleaseScanner() {
    super(
        "amazon",
        ids(DID),
        List.of(new ReleaseFile("etc/system-release", SYSTEM_RELEASE, DID)),
        List.of(
            new CpeProduct("amazon", "amazon_linux", DID, "Amazon Linux"),
            new CpeProduct("amazon", "linux", DID, "Amazon Linux AMI")),
        List.of());
  }
}
