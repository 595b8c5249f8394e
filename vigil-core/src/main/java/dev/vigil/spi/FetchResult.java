package dev.vigil.spi;

import dev.vigil.feed.FeedClient;
import dev.vigil.feed.FeedResponse;
import dev.vigil.feed.Fingerprint;
import dev.vigil.feed.Validators;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * What an {@link Updater}'s fetch found.
 *
 * @param changed false when the source answered that nothing changed since {@code fingerprint}
 * @param fingerprint what the next fetch passes back (ETags, Last-Modified dates…)
 */
public record FetchResult(boolean changed, String fingerprint) {

  /**
   * Fetches a feed made of one file into {@code target}, conditionally on the validators {@code
   * previousFingerprint} recorded for it.
   *
   * @throws dev.vigil.feed.FeedNotFoundException when the source has no such file
   */
  public static FetchResult ofOneFile(
      FeedClient client, URI uri, String previousFingerprint, Path target) throws IOException {
    Validators since =
        Fingerprint.decode(previousFingerprint).getOrDefault(uri.toString(), Validators.NONE);
    FeedResponse response = client.fetch(uri, since, target);
    return new FetchResult(
        !response.notModified(), Fingerprint.encode(Map.of(uri.toString(), response.validators())));
  }
}
