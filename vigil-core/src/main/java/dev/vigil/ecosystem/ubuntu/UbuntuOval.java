package dev.vigil.ecosystem.ubuntu;

import dev.vigil.ecosystem.oval.OvalUpdaterFactory;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Canonical's USN OVAL, the {@code ubuntu} updater: every {@code
 * com.ubuntu.<codename>.usn.oval.xml.bz2} its source lists (upstream {@code
 * https://security-metadata.canonical.com/oval/}), read by {@link UbuntuOvalParser}.
 */
public final class UbuntuOval {

  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "ubuntu";

  /** Canonical's OVAL directory. */
  public static final URI DEFAULT_SOURCE =
      URI.create("https://security-metadata.canonical.com/oval/");

  private static final Pattern FILE =
      Pattern.compile("com\\.ubuntu\\.([a-z]+)\\.usn\\.oval\\.xml\\.bz2");

  private UbuntuOval() {}

  /** The factory of {@code ubuntu} updaters. */
  public static UpdaterFactory updaterFactory() {
    return new OvalUpdaterFactory(
        NAME, DEFAULT_SOURCE, FILE, new UbuntuOvalParser(NAME)::parse, true);
  }
}
