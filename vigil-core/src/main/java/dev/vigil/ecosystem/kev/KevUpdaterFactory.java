package dev.vigil.ecosystem.kev;

import dev.vigil.feed.FeedClient;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;

/** Makes {@link KevUpdater}s: upstream {@code https://www.cisa.gov/sites/default/files/feeds/}. */
public final class KevUpdaterFactory implements UpdaterFactory {

  /** Where CISA publishes the catalog. */
  public static final URI DEFAULT_SOURCE =
      URI.create("https://www.cisa.gov/sites/default/files/feeds/");

  @Override
  public String name() {
    return KevUpdater.NAME;
  }

  @Override
  public URI defaultSource() {
    return DEFAULT_SOURCE;
  }

  @Override
  public Updater create(URI source, FeedClient client) {
    return new KevUpdater(source, client);
  }
}
