package dev.vigil.ecosystem.ubuntu;

import dev.vigil.ecosystem.oval.OvalUpdater;
import dev.vigil.feed.FeedClient;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Makes the {@code ubuntu} updater: every {@code com.ubuntu.<codename>.usn.oval.xml.bz2} its source
 * lists (upstream {@code https://security-metadata.canonical.com/oval/}), read by {@link
 * UbuntuOvalParser}.
 */
public final class UbuntuOvalUpdaterFactory implements UpdaterFactory {

  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "ubuntu";

  /** The publisher's OVAL directory. */
  public static final URI DEFAULT_SOURCE =
      URI.create("https://security-metadata.canonical.com/oval/");

  /** The per-release files; the first group is the release's codename. */
  static final Pattern FILE = Pattern.compile("com\\.ubuntu\\.([a-z]+)\\.usn\\.oval\\.xml\\.bz2");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public URI defaultSource() {
    return DEFAULT_SOURCE;
  }

  @Override
  public Updater create(URI source, FeedClient client) {
    return new OvalUpdater(NAME, source, FILE, new UbuntuOvalParser(NAME)::parse, client);
  }
}
