package dev.vigil.ecosystem.debian;

import dev.vigil.ecosystem.oval.OvalUpdaterFactory;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Debian's OVAL, the {@code debian-oval} updater: every {@code oval-definitions-<codename>.xml.bz2}
 * its source lists (upstream {@code https://www.debian.org/security/oval/}), read by {@link
 * DebianOvalParser}. The feed is generated from the security tracker and lacks its urgencies, so
 * {@code vigil update} runs the {@code debian} updater, which reads the tracker, and runs this one
 * only when named.
 */
public final class DebianOval {

  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "debian-oval";

  /** Debian's OVAL directory. */
  public static final URI DEFAULT_SOURCE = URI.create("https://www.debian.org/security/oval/");

  private static final Pattern FILE = Pattern.compile("oval-definitions-([a-z]+)\\.xml\\.bz2");

  private DebianOval() {}

  /** The factory of {@code debian-oval} updaters. */
  public static UpdaterFactory updaterFactory() {
    return new OvalUpdaterFactory(
        NAME, DEFAULT_SOURCE, FILE, new DebianOvalParser(NAME)::parse, false);
  }
}
