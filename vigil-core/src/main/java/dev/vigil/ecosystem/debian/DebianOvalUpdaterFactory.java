package dev.vigil.ecosystem.debian;

import dev.vigil.ecosystem.oval.OvalUpdater;
import dev.vigil.feed.FeedClient;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Makes the {@code debian-oval} updater: every {@code oval-definitions-<codename>.xml.bz2} its
 * source lists (upstream {@code https://www.debian.org/security/oval/}), read by {@link
 * DebianOvalParser}. The feed is generated from the security tracker and lacks its urgencies; the
 * {@code debian} updater reads the tracker itself and is the one {@code vigil update} runs by
 * default.
 */
public final class DebianOvalUpdaterFactory implements UpdaterFactory {

  /** The updater's name, stored with its vulnerabilities. */
  public static final String NAME = "debian-oval";

  /** The publisher's OVAL directory. */
  public static final URI DEFAULT_SOURCE = URI.create("https://www.debian.org/security/oval/");

  /** The per-release files; the first group is the release's codename. */
  static final Pattern FILE = Pattern.compile("oval-definitions-([a-z]+)\\.xml\\.bz2");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public URI defaultSource() {
    return DEFAULT_SOURCE;
  }

  /** False: the {@code debian} updater reads the same data, with urgencies, from the tracker. */
  @Override
  public boolean runsByDefault() {
    return false;
  }

  @Override
  public Updater create(URI source, FeedClient client) {
    return new OvalUpdater(NAME, source, FILE, new DebianOvalParser(NAME)::parse, client);
  }
}
