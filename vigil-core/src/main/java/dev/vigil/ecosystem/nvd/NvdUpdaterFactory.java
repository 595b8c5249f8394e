package dev.vigil.ecosystem.nvd;

import dev.vigil.feed.FeedClient;
import dev.vigil.spi.Updater;
import dev.vigil.spi.UpdaterFactory;
import java.net.URI;
import java.time.Clock;

/**
 * Makes {@link NvdUpdater}s: upstream the NVD CVE API 2.0, with the API key of {@value
 * #API_KEY_ENV} when it is set (requests are then paced ten times faster), or a {@code file:}
 * mirror of pages.
 */
public final class NvdUpdaterFactory implements UpdaterFactory {

  /** The NVD CVE API 2.0. */
  public static final URI DEFAULT_SOURCE =
      URI.create("https://services.nvd.nist.gov/rest/json/cves/2.0");

  /** The environment variable holding an NVD API key. */
  public static final String API_KEY_ENV = "VIGIL_NVD_API_KEY";

  @Override
  public String name() {
    return NvdUpdater.NAME;
  }

  @Override
  public URI defaultSource() {
    return DEFAULT_SOURCE;
  }

  @Override
  public Updater create(URI source, FeedClient client) {
    String key = System.getenv(API_KEY_ENV);
    NvdPacing pacing = key == null || key.isBlank() ? NvdPacing.PUBLIC : NvdPacing.WITH_KEY;
    return new NvdUpdater(source, client, pacing, key, Clock.systemUTC());
  }
}
