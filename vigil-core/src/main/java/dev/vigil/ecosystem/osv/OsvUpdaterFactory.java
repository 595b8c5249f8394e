package dev.vigil.ecosystem.osv;

import dev.vigil.feed.FeedClient;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;

/** Makes {@link OsvUpdater}s: OSV's public bucket or a mirror laid out like it. */
public final class OsvUpdaterFactory implements UpdaterFactory {

  /** OSV's bucket of per-ecosystem archives. */
  public static final URI DEFAULT_SOURCE =
      URI.create("https://osv-vulnerabilities.storage.googleapis.com/");

  @Override
  public String name() {
    return OsvUpdater.NAME;
  }

  @Override
  public URI defaultSource() {
    return DEFAULT_SOURCE;
  }

  @Override
  public Updater create(URI source, FeedClient client) {
    return new OsvUpdater(source, client);
  }
}
