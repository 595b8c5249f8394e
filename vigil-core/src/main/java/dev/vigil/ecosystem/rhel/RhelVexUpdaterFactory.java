package dev.vigil.ecosystem.rhel;

import dev.vigil.feed.FeedClient;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;

/** Makes {@link RhelVexUpdater}s: upstream Red Hat CSAF VEX, or a mirror laid out like it. */
public final class RhelVexUpdaterFactory implements UpdaterFactory {

  /** Red Hat's VEX directory. */
  public static final URI DEFAULT_SOURCE =
      URI.create("https://security.access.redhat.com/data/csaf/v2/vex/");

  @Override
  public String name() {
    return RhelVexUpdater.NAME;
  }

  @Override
  public URI defaultSource() {
    return DEFAULT_SOURCE;
  }

  @Override
  public Updater create(URI source, FeedClient client) {
    return new RhelVexUpdater(source, client);
  }
}
