package dev.vigil.ecosystem.alpine;

import dev.vigil.ecosystem.apk.ApkVersion;
import dev.vigil.model.Distribution;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import dev.vigil.spi.Matcher;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Matches installed Alpine packages against the secdb: candidates share the package's origin
 * (source) name and the distribution {@code alpine}; a candidate affects the package when it is
 * stated for the record's secdb branch ({@code 3.10} for release {@code 3.10.4}, {@code edge} for
 * edge) and the installed version is older than the fixed one by apk's ordering (which also orders
 * the few malformed fixed versions the secdb holds, e.g. {@code 1.9.5p2-r0}), or no fix exists.
 *
 * <p>Stateless and thread-safe.
 */
public final class AlpineMatcher implements Matcher {
  private static final ApkVersion APK = ApkVersion.INSTANCE;

  @Override
  public String name() {
    return AlpineSecDbUpdater.NAME;
  }

  @Override
  public Set<String> updaters() {
    return Set.of(AlpineSecDbUpdater.NAME);
  }

  @Override
  public boolean filter(IndexRecord record) {
    return record.distribution() != null
        && AlpineRelease.DID.equals(record.distribution().did())
        && record.isBinaryPackage();
  }

  @Override
  public Set<MatchConstraint> query() {
    return EnumSet.of(MatchConstraint.PACKAGE_SOURCE_NAME, MatchConstraint.DISTRIBUTION_DID);
  }

  @Override
  public boolean vulnerable(IndexRecord record, Vulnerability vulnerability) {
    Distribution stated = vulnerability.distribution();
    Optional<String> branch =
        AlpineRelease.secdbBranch(record.distribution()).map(AlpineRelease::branchVersionId);
    if (stated == null || branch.isEmpty() || !branch.get().equals(stated.versionId())) {
      return false;
    }
    return !vulnerability.hasFix()
        || APK.compare(record.pkg().version(), vulnerability.fixedInVersion()) < 0;
  }
}
