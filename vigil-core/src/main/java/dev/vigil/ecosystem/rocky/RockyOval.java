package dev.vigil.ecosystem.rocky;

import dev.vigil.ecosystem.oval.OvalUpdaterFactory;
import dev.vigil.ecosystem.oval.RpmOvalParser;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The Rocky Linux errata OVAL, the {@code rocky} updater: {@code org.rockylinux.rlsa-<major>.xml}
 * (or its {@code .bz2}, fetched instead when both are listed) for every major version its source
 * lists, read by {@link RpmOvalParser}. Rocky writes Red Hat's shape: an {@code OR} of the guard
 * "Rocky Linux must be installed" (an {@code rpmverifyfile_test} that is true only where Rocky is
 * not, so false on Rocky images) and one {@code AND} per package of "is earlier than" and "is
 * signed with Rocky Linux key"; the definitions name the RLSA, not CVEs.
 */
public final class RockyOval {

  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "rocky";

  private static final OvalUpdaterFactory FACTORY =
      RpmOvalParser.perReleaseFiles(
          NAME,
          URI.create("https://dl.rockylinux.org/pub/oval/"),
          Pattern.compile("org\\.rockylinux\\.rlsa-(\\d+)\\.xml(?:\\.bz2)?"),
          RockyReleaseScanner.DID,
          "Rocky Linux");

  private RockyOval() {}

  /** The factory of {@code rocky} updaters. */
  public static OvalUpdaterFactory updaterFactory() {
    return FACTORY;
  }
}
