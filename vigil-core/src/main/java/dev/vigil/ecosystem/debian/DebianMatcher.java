package dev.vigil.ecosystem.debian;

import dev.vigil.ecosystem.dpkg.DpkgReleaseMatch;
import dev.vigil.model.Package;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import dev.vigil.spi.Matcher;
import java.util.EnumSet;
import java.util.Set;

/**
 * Matches installed Debian packages against Debian's data, which is keyed by source package:
 * candidates share the package's source name and the distribution {@code debian}; one affects the
 * package when it is stated for the image's release ({@link DebianRelease#of}) and the installed
 * source version is older than the fixed one by dpkg's ordering, or no fix exists yet. Judging the
 * source version matters where binary versions differ from it, as in {@code bsdutils 1:2.33.1-0.1}
 * built from {@code util-linux 2.33.1-0.1}.
 *
 * <p>Both Debian updaters feed it: {@code debian} (the tracker) and {@code debian-oval}. Stateless
 * and thread-safe.
 */
public final class DebianMatcher implements Matcher {
  @Override
  public String name() {
    return "debian";
  }

  @Override
  public Set<String> updaters() {
    return Set.of(DebianTrackerUpdater.NAME, DebianOval.NAME);
  }

  @Override
  public boolean filter(IndexRecord record) {
    return record.isBinaryPackage() && DebianRelease.of(record.distribution()).isPresent();
  }

  @Override
  public Set<MatchConstraint> query() {
    return EnumSet.of(MatchConstraint.PACKAGE_SOURCE_NAME, MatchConstraint.DISTRIBUTION_DID);
  }

  @Override
  public boolean vulnerable(IndexRecord record, Vulnerability vulnerability) {
    return DpkgReleaseMatch.affects(
        DebianRelease.of(record.distribution()), vulnerability, sourceVersion(record.pkg()));
  }

  private static String sourceVersion(Package pkg) {
    Package source = pkg.source();
    return source != null && source.version() != null && !source.version().isEmpty()
        ? source.version()
        : pkg.version();
  }
}
