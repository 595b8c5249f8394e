package dev.vigil.ecosystem.alma;

import dev.vigil.ecosystem.oval.OvalUpdaterFactory;
import dev.vigil.ecosystem.oval.RpmOvalParser;
import dev.vigil.spi.UpdaterFactory;
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

  /** The publisher's OVAL directory. */
  public static final URI DEFAULT_SOURCE = URI.create("https://repo.almalinux.org/security/oval/");

  private static final Pattern FILE =
      Pattern.compile("org\\.almalinux\\.alsa-(\\d+)\\.xml(?:\\.bz2)?");

  private AlmaOval() {}

  /** The factory of {@code alma} updaters. */
  public static UpdaterFactory updaterFactory() {
    return new OvalUpdaterFactory(NAME, DEFAULT_SOURCE, FILE, parser()::parse, true);
  }

  /** The parser of one release's file. */
  static RpmOvalParser parser() {
    return new RpmOvalParser(
        NAME, RpmOvalParser.DistributionNamer.perFile(AlmaReleaseScanner.DID, "AlmaLinux"));
  }
}
