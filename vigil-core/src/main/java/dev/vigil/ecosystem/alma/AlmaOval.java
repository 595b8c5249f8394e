package dev.vigil.ecosystem.alma;

import dev.vigil.ecosystem.oval.OvalUpdaterFactory;
import dev.vigil.ecosystem.oval.RpmOvalParser;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * The AlmaLinux errata OVAL, the {@code alma} updater: {@code org.almalinux.alsa-<major>.xml.bz2}
 * (or the plain {@code .xml}) for every major version its source lists, read by {@link
 * RpmOvalParser}. AlmaLinux writes Red Hat's shape ("AlmaLinux must be installed" guard, "is
 * earlier than" and "is signed with" per package, "Module NAME:STREAM is enabled" for module
 * streams).
 */
public final class AlmaOval {

  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "alma";

  private static final OvalUpdaterFactory FACTORY =
      RpmOvalParser.perReleaseFiles(
          NAME,
          URI.create("https://repo.almalinux.org/security/oval/"),
          Pattern.compile("org\\.almalinux\\.alsa-(\\d+)\\.xml(?:\\.bz2)?"),
          AlmaReleaseScanner.DID,
          "AlmaLinux");

  private AlmaOval() {}

  /** The factory of {@code alma} updaters. */
  public static OvalUpdaterFactory updaterFactory() {
    return FACTORY;
  }
}
