package dev.vigil.ecosystem.ubuntu;

import dev.vigil.ecosystem.dpkg.DpkgVersion;
import dev.vigil.model.Package;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import dev.vigil.spi.Matcher;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Matches installed Ubuntu packages against Canonical's OVAL, which names binary packages:
 * candidates share the package's own name and the distribution {@code ubuntu}; one affects the
 * package when it is stated for the image's release ({@link UbuntuRelease#of}) and the installed
 * version is older than the fixed one by dpkg's ordering, or no fix exists yet.
 *
 * <p>Stateless and thread-safe.
 */
public final class UbuntuMatcher implements Matcher {
  private static final DpkgVersion DPKG = DpkgVersion.INSTANCE;

  @Override
  public String name() {
    return "ubuntu";
  }

  @Override
  public Set<String> updaters() {
    return Set.of(UbuntuOvalUpdaterFactory.NAME);
  }

  @Override
  public boolean filter(IndexRecord record) {
    return record.pkg() != null
        && Package.BINARY.equalsIgnoreCase(record.pkg().kind())
        && UbuntuRelease.of(record.distribution()).isPresent();
  }

  @Override
  public Set<MatchConstraint> query() {
    return EnumSet.of(MatchConstraint.PACKAGE_NAME, MatchConstraint.DISTRIBUTION_DID);
  }

  @Override
  public boolean vulnerable(IndexRecord record, Vulnerability vulnerability) {
    Optional<String> release = UbuntuRelease.of(record.distribution());
    if (vulnerability.distribution() == null
        || release.isEmpty()
        || !release.get().equals(vulnerability.distribution().versionCodeName())) {
      return false;
    }
    return !vulnerability.hasFix()
        || DPKG.compare(record.pkg().version(), vulnerability.fixedInVersion()) < 0;
  }
}
