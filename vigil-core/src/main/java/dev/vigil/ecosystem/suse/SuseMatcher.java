package dev.vigil.ecosystem.suse;

import dev.vigil.ecosystem.rpm.RpmMatcher;
import dev.vigil.model.Distribution;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import java.util.EnumSet;
import java.util.Set;

/**
 * Matches installed SUSE rpms against SUSE's OVAL by binary package: SUSE Linux Enterprise images
 * (os-release {@code ID} {@code sles}, {@code sles_sap}, {@code sled}) against the SUSE Linux
 * Enterprise statements of their {@code VERSION_ID} ({@code 15.5} for 15 SP5), openSUSE Leap images
 * against their Leap release's, Tumbleweed images against Tumbleweed's.
 *
 * <p>Stateless and thread-safe.
 */
public final class SuseMatcher extends RpmMatcher {
  private static final Set<String> ENTERPRISE = Set.of(SuseReleaseScanner.SLES, "sles_sap", "sled");

  /** The matcher. */
  public SuseMatcher() {
    super(
        SuseOval.NAME,
        Set.of(
            SuseReleaseScanner.SLES,
            "sles_sap",
            "sled",
            SuseReleaseScanner.OPENSUSE_LEAP,
            SuseReleaseScanner.OPENSUSE_TUMBLEWEED),
        SuseMatcher::releaseKey);
  }

  /** By name only: SLES, SLES for SAP and SLED images all read the SUSE Linux Enterprise ones. */
  @Override
  public Set<MatchConstraint> query() {
    return EnumSet.of(MatchConstraint.PACKAGE_NAME);
  }

  @Override
  public boolean vulnerable(IndexRecord record, Vulnerability vulnerability) {
    return vulnerability.distribution() != null
        && family(record.distribution().did()).equals(vulnerability.distribution().did())
        && super.vulnerable(record, vulnerability);
  }

  private static String family(String did) {
    return ENTERPRISE.contains(did) ? SuseReleaseScanner.SLES : did;
  }

  private static String releaseKey(Distribution image) {
    return SuseReleaseScanner.OPENSUSE_TUMBLEWEED.equals(image.did())
        ? ""
        : image.versionId() == null ? "" : image.versionId();
  }
}
