package dev.vigil.ecosystem.rhel;

import dev.vigil.ecosystem.rpm.RpmVersion;
import dev.vigil.model.Distribution;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import dev.vigil.spi.Matcher;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches the rpms of RHEL, UBI and CentOS images against Red Hat's VEX data, as claircore's RHEL
 * matcher does: a statement applies to a package when its CPE covers one of the CPEs the package's
 * repositories stand for, its module ({@code name:stream}) equals the package's, and its
 * architectures include the package's. A {@code fixed} statement affects installed versions older
 * than the fix by rpm's ordering; a {@code known_affected} one, without fix, every version.
 *
 * <p>The CPEs of a package come from the content sets its image states (repositories of key {@value
 * ContentManifestScanner#KEY}), through the repository-to-CPE rows the updater stored with the same
 * update (found by a second lookup on the repository name). Without content sets, or with none the
 * map knows, the image is assumed to use the base repositories of its major version: {@code
 * cpe:/o:redhat:enterprise_linux:N::baseos} and {@code
 * cpe:/a:redhat:enterprise_linux:N::appstream}, as Clair assumes.
 *
 * <p>Stateless and thread-safe.
 */
public final class RhelMatcher implements Matcher {
  private static final RpmVersion RPM = RpmVersion.INSTANCE;

  @Override
  public String name() {
    return RhelVexUpdater.NAME;
  }

  @Override
  public Set<String> updaters() {
    return Set.of(RhelVexUpdater.NAME);
  }

  @Override
  public boolean filter(IndexRecord record) {
    Distribution d = record.distribution();
    return d != null
        && (RhelReleaseScanner.RHEL.equals(d.did()) || RhelReleaseScanner.CENTOS.equals(d.did()))
        && record.isBinaryPackage();
  }

  @Override
  public Set<MatchConstraint> query() {
    return EnumSet.of(MatchConstraint.PACKAGE_NAME);
  }

  @Override
  public List<Set<MatchConstraint>> queries() {
    return List.of(query(), EnumSet.of(MatchConstraint.REPOSITORY_NAME));
  }

  @Override
  public List<Vulnerability> affecting(IndexRecord record, List<Vulnerability> candidates) {
    Set<String> cpes = new TreeSet<>();
    candidates.stream().filter(RepositoryToCpe::isMapping).forEach(row -> cpes.add(row.name()));
    Set<String> stated = cpes.isEmpty() ? assumedCpes(record.distribution()) : cpes;
    return candidates.stream().filter(v -> applies(record, v, stated)).toList();
  }

  /**
   * Judges one statement alone, without the repository-to-CPE rows: the package is taken to come
   * from the base repositories of its major version.
   */
  @Override
  public boolean vulnerable(IndexRecord record, Vulnerability vulnerability) {
    return applies(record, vulnerability, assumedCpes(record.distribution()));
  }

  /** The base repositories' CPEs of the distribution's major version. */
  static Set<String> assumedCpes(Distribution d) {
    String versionId = d == null || d.versionId() == null ? "" : d.versionId();
    String major = versionId.split("\\.", 2)[0];
    return Set.of(
        "cpe:/o:redhat:enterprise_linux:" + major + "::baseos",
        "cpe:/a:redhat:enterprise_linux:" + major + "::appstream");
  }

  private static boolean applies(IndexRecord record, Vulnerability v, Set<String> cpes) {
    if (v.pkg() == null
        || v.repository() == null
        || !VexParser.CPE_KEY.equals(v.repository().key())
        || !Objects.equals(orEmpty(v.pkg().module()), orEmpty(record.pkg().module()))
        || !archMatches(v, orEmpty(record.pkg().arch()))
        || cpes.stream().noneMatch(cpe -> RedHatCpe.covers(v.repository().name(), cpe))) {
      return false;
    }
    return !v.hasFix() || RPM.compare(record.pkg().version(), v.fixedInVersion()) < 0;
  }

  private static boolean archMatches(Vulnerability v, String arch) {
    String stated = orEmpty(v.pkg().arch());
    if (arch.isEmpty() || stated.isEmpty() || !VexParser.PATTERN_MATCH.equals(v.archOp())) {
      return true;
    }
    return List.of(stated.split("\\|")).contains(arch);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
