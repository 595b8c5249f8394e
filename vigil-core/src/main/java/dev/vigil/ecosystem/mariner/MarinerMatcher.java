package dev.vigil.ecosystem.mariner;

import dev.vigil.ecosystem.rpm.RpmVersion;
import dev.vigil.model.Distribution;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import dev.vigil.spi.Matcher;
import java.util.EnumSet;
import java.util.Set;

/**
 * Matches installed CBL-Mariner and Azure Linux rpms against Microsoft's OVAL, which is keyed by
 * binary package: candidates share the package's name and the distribution's did ({@code mariner}
 * or {@code azurelinux}); one affects the package when it is stated for the image's version id (the
 * OVAL files are per {@code major.minor} release) and the installed EVR is older than the fixed one
 * by rpm's ordering, or, without a fix, not newer than the last affected version.
 *
 * <p>Stateless and thread-safe.
 */
public final class MarinerMatcher implements Matcher {
  private static final RpmVersion RPM = RpmVersion.INSTANCE;

  @Override
  public String name() {
    return MarinerOval.NAME;
  }

  @Override
  public Set<String> updaters() {
    return Set.of(MarinerOval.NAME);
  }

  @Override
  public boolean filter(IndexRecord record) {
    Distribution d = record.distribution();
    return d != null
        && (MarinerReleaseScanner.MARINER.equals(d.did())
            || MarinerReleaseScanner.AZURE_LINUX.equals(d.did()))
        && record.isBinaryPackage();
  }

  @Override
  public Set<MatchConstraint> query() {
    return EnumSet.of(MatchConstraint.PACKAGE_NAME, MatchConstraint.DISTRIBUTION_DID);
  }

  @Override
  public boolean vulnerable(IndexRecord record, Vulnerability vulnerability) {
    Distribution stated = vulnerability.distribution();
    if (stated == null || !release(record.distribution()).equals(stated.versionId())) {
      return false;
    }
    String installed = record.pkg().version();
    if (vulnerability.hasFix()) {
      return RPM.compare(installed, vulnerability.fixedInVersion()) < 0;
    }
    String lastAffected = vulnerability.pkg() == null ? "" : vulnerability.pkg().version();
    return lastAffected == null
        || lastAffected.isEmpty()
        || RPM.compare(installed, lastAffected) <= 0;
  }

  /**
   * The {@code major.minor} of the image's version id, e.g. {@code 2.0} for {@code 2.0.20240123}.
   */
  private static String release(Distribution d) {
    String[] parts = (d.versionId() == null ? "" : d.versionId()).split("\\.");
    return parts.length >= 2 ? parts[0] + "." + parts[1] : String.join(".", parts);
  }
}
