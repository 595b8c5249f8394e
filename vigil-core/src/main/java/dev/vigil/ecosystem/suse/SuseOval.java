package dev.vigil.ecosystem.suse;

import dev.vigil.ecosystem.oval.OvalUpdaterFactory;
import dev.vigil.ecosystem.oval.RpmOvalParser;
import dev.vigil.model.Distribution;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * SUSE's OVAL, the {@code suse} updater: one file per product line its source lists, {@code
 * suse.linux.enterprise.<major>.xml} (every SUSE Linux Enterprise product of that major version),
 * {@code opensuse.leap.<x.y>.xml} and {@code opensuse.tumbleweed.xml}, or their {@code .gz}
 * (fetched instead when both are listed), read by {@link RpmOvalParser}. A definition states each
 * service pack in its own branch ("SUSE Linux Enterprise Server 15 SP1 is installed": the product's
 * release package at version {@code 15.1}), so SUSE Linux Enterprise statements are keyed by the
 * version id the branch names, which is the os-release {@code VERSION_ID} of that service pack's
 * images; a branch naming another major version (SLE Micro) is left out. Leap statements are keyed
 * by the Leap release, Tumbleweed's by none.
 */
public final class SuseOval {

  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "suse";

  /** SUSE's OVAL directory. */
  public static final URI DEFAULT_SOURCE =
      URI.create("https://ftp.suse.com/pub/projects/security/oval/");

  private static final Pattern FILE =
      Pattern.compile(
          "(suse\\.linux\\.enterprise\\.\\d+|opensuse\\.leap\\.\\d+\\.\\d+|opensuse\\.tumbleweed)"
              + "\\.xml(?:\\.gz|\\.bz2)?");

  private static final String ENTERPRISE = "suse.linux.enterprise.";
  private static final String LEAP = "opensuse.leap.";

  private SuseOval() {}

  /** The factory of {@code suse} updaters. */
  public static UpdaterFactory updaterFactory() {
    return new OvalUpdaterFactory(NAME, DEFAULT_SOURCE, FILE, parser()::parse, true);
  }

  /** The parser of one product line's file. */
  static RpmOvalParser parser() {
    return new RpmOvalParser(NAME, SuseOval::distribution);
  }

  /**
   * The distribution of a branch of {@code file} ({@code suse.linux.enterprise.15}, {@code
   * opensuse.leap.15.5}, {@code opensuse.tumbleweed}) that states {@code stated}, or null.
   */
  static Distribution distribution(String file, String stated) {
    if (file.startsWith(ENTERPRISE)) {
      String major = file.substring(ENTERPRISE.length());
      String versionId = stated.isEmpty() ? major : stated;
      return versionId.equals(major) || versionId.startsWith(major + ".")
          ? RpmOvalParser.distribution(SuseReleaseScanner.SLES, "SUSE Linux Enterprise", versionId)
          : null;
    }
    if (file.startsWith(LEAP)) {
      String release = file.substring(LEAP.length());
      return stated.isEmpty() || stated.equals(release)
          ? RpmOvalParser.distribution(SuseReleaseScanner.OPENSUSE_LEAP, "openSUSE Leap", release)
          : null;
    }
    return RpmOvalParser.distribution(
        SuseReleaseScanner.OPENSUSE_TUMBLEWEED, "openSUSE Tumbleweed", "");
  }
}
