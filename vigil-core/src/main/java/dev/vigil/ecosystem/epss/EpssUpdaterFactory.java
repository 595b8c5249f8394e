package dev.vigil.ecosystem.epss;

import dev.vigil.feed.FeedClient;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;

/** Makes {@link EpssUpdater}s: upstream {@code https://epss.empiricalsecurity.com/}. */
public final class EpssUpdaterFactory implements UpdaterFactory {

  /** Where FIRST publishes the daily scores. */
  public static final URI DEFAULT_SOURCE = URI.create("https://epss.empiricalsecurity.com/");

  @Override
  public String name() {
    return EpssUpdater.NAME;
  }

  @Override
  public URI defaultSource() {
    return DEFAULT_SOURCE;
  }

  @Override
  public Updater create(URI source, FeedClient client) {
    return new EpssUpdater(source, client);
  }
}
