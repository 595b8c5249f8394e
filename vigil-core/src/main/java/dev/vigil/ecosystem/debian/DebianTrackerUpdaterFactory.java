package dev.vigil.ecosystem.debian;

import dev.vigil.feed.FeedClient;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;

/** Makes {@link DebianTrackerUpdater}s: upstream {@code https://security-tracker.debian.org/}. */
public final class DebianTrackerUpdaterFactory implements UpdaterFactory {

  /** The Debian Security Tracker. */
  public static final URI DEFAULT_SOURCE = URI.create("https://security-tracker.debian.org/");

  @Override
  public String name() {
    return DebianTrackerUpdater.NAME;
  }

  @Override
  public URI defaultSource() {
    return DEFAULT_SOURCE;
  }

  @Override
  public Updater create(URI source, FeedClient client) {
    return new DebianTrackerUpdater(source, client);
  }
}
