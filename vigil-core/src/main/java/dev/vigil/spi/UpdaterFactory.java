package dev.vigil.spi;

import dev.vigil.feed.FeedClient;
import java.net.URI;

/** Makes an {@link Updater} for a source: the upstream one by default, or a mirror. */
public interface UpdaterFactory {

  /** The updater's short, stable name, e.g. {@code alpine}. */
  String name();

  /** The upstream source, e.g. {@code https://secdb.alpinelinux.org/}. */
  URI defaultSource();

  /**
   * Makes an updater reading from {@code source}: an {@code http(s):} URL or a {@code file:}
   * directory laid out like the upstream source.
   */
  Updater create(URI source, FeedClient client);

  /**
   * Whether {@code vigil update} without {@code --updaters} runs this updater; false for
   * alternative sources of data another updater already brings (they would duplicate findings).
   */
  default boolean runsByDefault() {
    return true;
  }
}
