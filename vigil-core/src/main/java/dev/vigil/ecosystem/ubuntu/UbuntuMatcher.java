package dev.vigil.ecosystem.ubuntu;

import dev.vigil.ecosystem.dpkg.DpkgReleaseMatch;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import dev.vigil.spi.Matcher;
import java.util.EnumSet;
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
  @Override
  public String name() {
    return "ubuntu";
  }

  @Override
  public Set<String> updaters() {
    return Set.of(UbuntuOval.NAME);
  }

  @Override
  public boolean filter(IndexRecord record) {
    return record.isBinaryPackage() && UbuntuRelease.of(record.distribution()).isPresent();
  }

  @Override
  public Set<MatchConstraint> query() {
    return EnumSet.of(MatchConstraint.PACKAGE_NAME, MatchConstraint.DISTRIBUTION_DID);
  }

  @Override
  public boolean vulnerable(IndexRecord record, Vulnerability vulnerability) {
    return DpkgReleaseMatch.affects(
        UbuntuRelease.of(record.distribution()), vulnerability, record.pkg().version());
  }
}
