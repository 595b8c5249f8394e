package dev.vigil.ecosystem.alpine;

import dev.vigil.feed.FeedClient;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;

/**
 * Makes {@link AlpineSecDbUpdater}s: upstream {@code https://secdb.alpinelinux.org/} or a mirror.
 */
public final class AlpineSecDbUpdaterFactory implements UpdaterFactory {

  /** The official secdb. */
  public static final URI DEFAULT_SOURCE = URI.create("https://secdb.alpinelinux.org/");

  @Override
  public String name() {
    return AlpineSecDbUpdater.NAME;
  }

  @Override
  public URI defaultSource() {
    return DEFAULT_SOURCE;
  }

  @Override
  public Updater create(URI source, FeedClient client) {
    return new AlpineSecDbUpdater(source, client);
  }
}
