package dev.vigil.registry;

import dev.vigil.layer.SizeLimitedInputStream;
import dev.vigil.model.Digest;
import dev.vigil.model.LayerRef;
import dev.vigil.progress.ProgressListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Downloads blobs into the {@link LayerCache} (as jib's BlobPuller does, with the cache in front):
 * from a registry ({@code /v2/NAME/blobs/DIGEST}, authorized) or from a layer URI with its own
 * headers (Clair's manifest shape). The digest is checked while streaming and a blob is never read
 * past the size its descriptor states; failures worth it are retried from the start. One blob is
 * downloaded once even when several threads ask for it. Thread-safe.
 */
final class BlobPuller {
  private final LayerCache cache;
  private final RetryPolicy retry;
  private final HttpTransport http;
  private final ProgressListener progress;
  private final Map<Digest, Object> locks = new ConcurrentHashMap<>();

  BlobPuller(LayerCache cache, RetryPolicy retry, HttpTransport http, ProgressListener progress) {
    this.progress = progress;
    this.cache = cache;
    this.retry = retry;
    this.http = http;
  }

  /** The cache the blobs go to. */
  LayerCache cache() {
    return cache;
  }

  /**
   * The cached blob, downloaded from {@code repository} of {@code endpoint} when missing.
   *
   * @throws RegistryException when the registry lacks it or it does not match its digest
   */
  Path pull(RegistryEndpoint endpoint, String repository, Descriptor blob) throws IOException {
    String what = "GET blob " + blob.digest() + " of " + endpoint.registry() + "/" + repository;
    return fetch(
        blob.digest(),
        blob.size(),
        what,
        () -> endpoint.get(repository, "blobs/" + blob.digest(), Map.of("Accept", "*/*")));
  }

  /**
   * The cached layer, downloaded from its URI with its headers when missing. The headers are
   * dropped if the URI redirects to another host.
   */
  Path pull(LayerRef layer) throws IOException {
    String scheme = String.valueOf(layer.uri().getScheme()).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RegistryException(
          "registry: layer " + layer.hash() + " has a URI that is not http(s): " + layer.uri());
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> header : layer.headers().entrySet()) {
      headers.put(header.getKey(), String.join(", ", header.getValue()));
    }
    String what = "GET layer " + layer.hash() + " from " + layer.uri().getHost();
    return fetch(layer.hash(), -1, what, () -> http.get(layer.uri(), headers));
  }

  private Path fetch(Digest digest, long size, String what, RetryPolicy.Attempt<Reply> request)
      throws IOException {
    Optional<Path> cached = cache.find(digest);
    if (cached.isPresent()) {
      return cached.get();
    }
    synchronized (locks.computeIfAbsent(digest, d -> new Object())) {
      cached = cache.find(digest);
      if (cached.isPresent()) {
        return cached.get();
      }
      return retry.call(what, () -> download(digest, size, what, request));
    }
  }

  private Path download(Digest digest, long size, String what, RetryPolicy.Attempt<Reply> request)
      throws IOException {
    try (Reply reply = request.run()) {
      if (RetryableStatusException.retryable(reply.status())) {
        throw RetryableStatusException.of(what, reply);
      }
      if (reply.status() == 404) {
        throw new RegistryException(
            "registry: " + what + ": no such blob (" + RegistryErrors.describe(reply) + ")");
      }
      if (reply.status() != 200) {
        throw new RegistryException(
            "registry: " + what + " answered " + RegistryErrors.describe(reply));
      }
      InputStream body =
          size < 0
              ? reply.body()
              : new SizeLimitedInputStream(
                  reply.body(),
                  size,
                  "registry: blob " + digest + " is longer than the " + size + " bytes stated");
      long start = System.nanoTime();
      CountingInputStream counted =
          new CountingInputStream(
              body, done -> progress.downloading(digest.toString(), done, size));
      Path stored = cache.store(digest, counted);
      progress.downloaded(digest.toString(), counted.count(), System.nanoTime() - start);
      return stored;
    }
  }
}
