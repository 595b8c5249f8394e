package dev.vigil.ecosystem.rpm;

import dev.vigil.model.Distribution;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import dev.vigil.spi.Matcher;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The matcher of an rpm distribution's feed keyed by binary package: candidates share the package's
 * name and the distribution's os-release {@code ID}; one affects the package when it is stated for
 * the image's release ({@link #sameRelease}, the distribution's own rule), for the package's
 * architecture ({@code arch_op} {@code pattern match}, {@code equals} or {@code not equals} on the
 * package's {@code arch}) and module stream (none for a package of no module), and the installed
 * EVR is older than the fixed one by rpm's ordering, or, without a fix, not newer than the last
 * affected version the package's version holds (when it holds one).
 *
 * <p>Subclasses are stateless and thread-safe.
 */
public class RpmMatcher implements Matcher {
  private static final RpmVersion RPM = RpmVersion.INSTANCE;

  private final String updater;
  private final Set<String> dids;
  private final Function<Distribution, String> releaseKey;

  /**
   * A matcher.
   *
   * @param updater the updater whose vulnerabilities it judges, also its name
   * @param dids the os-release {@code ID}s of the images it judges
   * @param releaseKey the image's release as the feed's statements key it, e.g. {@link #major}
   */
  protected RpmMatcher(
      String updater, Set<String> dids, Function<Distribution, String> releaseKey) {
    this.updater = updater;
    this.dids = Set.copyOf(dids);
    this.releaseKey = releaseKey;
  }

  @Override
  public String name() {
    return updater;
  }

  @Override
  public Set<String> updaters() {
    return Set.of(updater);
  }

  @Override
  public boolean filter(IndexRecord record) {
    Distribution d = record.distribution();
    return d != null && dids.contains(d.did()) && record.isBinaryPackage();
  }

  @Override
  public Set<MatchConstraint> query() {
    return EnumSet.of(MatchConstraint.PACKAGE_NAME, MatchConstraint.DISTRIBUTION_DID);
  }

  @Override
  public boolean vulnerable(IndexRecord record, Vulnerability vulnerability) {
    Distribution stated = vulnerability.distribution();
    if (stated == null
        || !sameRelease(record.distribution(), stated)
        || !archApplies(record.pkg().arch(), vulnerability)
        || !text(record.pkg().module()).equals(statedModule(vulnerability))) {
      return false;
    }
    String installed = record.pkg().version();
    if (vulnerability.hasFix()) {
      return RPM.compare(installed, vulnerability.fixedInVersion()) < 0;
    }
    String lastAffected = vulnerability.pkg() == null ? "" : text(vulnerability.pkg().version());
    return lastAffected.isEmpty() || RPM.compare(installed, lastAffected) <= 0;
  }

  private boolean sameRelease(Distribution image, Distribution stated) {
    return image != null && releaseKey.apply(image).equals(text(stated.versionId()));
  }

  /** The major version of an os-release {@code VERSION_ID}: {@code 8} for {@code 8.9}. */
  public static String major(Distribution d) {
    String versionId = text(d.versionId());
    int dot = versionId.indexOf('.');
    return dot < 0 ? versionId : versionId.substring(0, dot);
  }

  /** The {@code major.minor} of an os-release {@code VERSION_ID}: {@code 2.0} for {@code 2.0.1}. */
  public static String majorMinor(Distribution d) {
    String[] parts = text(d.versionId()).split("\\.");
    return parts.length >= 2 ? parts[0] + "." + parts[1] : String.join(".", parts);
  }

  private static boolean archApplies(String arch, Vulnerability vulnerability) {
    String stated = vulnerability.pkg() == null ? "" : text(vulnerability.pkg().arch());
    String installed = text(arch);
    if (stated.isEmpty() || installed.isEmpty()) {
      return true;
    }
    return switch (text(vulnerability.archOp())) {
      case "equals" -> installed.equals(stated);
      case "not equals" -> !installed.equals(stated);
      case "pattern match" -> find(stated, installed);
      default -> true;
    };
  }

  private static boolean find(String pattern, String text) {
    try {
      return Pattern.compile(pattern).matcher(text).find();
    } catch (PatternSyntaxException e) {
      return true;
    }
  }

  private static String statedModule(Vulnerability vulnerability) {
    return vulnerability.pkg() == null ? "" : text(vulnerability.pkg().module());
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }
}
