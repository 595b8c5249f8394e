package dev.vigil.ecosystem.osv;

import dev.vigil.ecosystem.lang.OsvEcosystem;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import dev.vigil.spi.Matcher;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Matches language packages (records whose repository is an {@link OsvEcosystem}'s) against OSV
 * statements: candidates share the ecosystem and the folded package name; one affects the package
 * when the names are equal as the ecosystem compares them (PyPI: PEP 503 normalized, others
 * exactly) and the installed version is in the statement's {@link AffectedRange} by the ecosystem's
 * version ordering.
 *
 * <p>Stateless and thread-safe.
 */
public final class OsvMatcher implements Matcher {

  @Override
  public String name() {
    return OsvUpdater.NAME;
  }

  @Override
  public Set<String> updaters() {
    return Set.of(OsvUpdater.NAME);
  }

  @Override
  public boolean filter(IndexRecord record) {
    return record.isBinaryPackage() && OsvEcosystem.of(record.repository()).isPresent();
  }

  @Override
  public Set<MatchConstraint> query() {
    return EnumSet.of(MatchConstraint.PACKAGE_NAME_FOLDED, MatchConstraint.REPOSITORY_NAME);
  }

  @Override
  public boolean vulnerable(IndexRecord record, Vulnerability vulnerability) {
    Optional<OsvEcosystem> ecosystem = OsvEcosystem.of(record.repository());
    if (ecosystem.isEmpty()
        || vulnerability.pkg() == null
        || !ecosystem.equals(OsvEcosystem.of(vulnerability.repository()))
        || !sameName(ecosystem.get(), record.pkg().name(), vulnerability.pkg().name())) {
      return false;
    }
    return AffectedRange.parse(vulnerability.pkg().version())
        .contains(record.pkg().version(), OsvVersions.of(ecosystem.get()));
  }

  private static boolean sameName(OsvEcosystem ecosystem, String installed, String stated) {
    if (installed == null || stated == null) {
      return false;
    }
    return ecosystem == OsvEcosystem.PYPI
        ? MatchConstraint.foldName(installed).equals(MatchConstraint.foldName(stated))
        : installed.equals(stated);
  }
}
