package dev.vigil.server.fetch;

import dev.vigil.concurrent.Futures;
import dev.vigil.layer.LayerSource;
import dev.vigil.layer.TarLayer;
import dev.vigil.model.Digest;
import dev.vigil.model.LayerRef;
import dev.vigil.progress.ProgressListener;
import dev.vigil.registry.LayerCache;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a manifest's layers into the server's content-addressed layer store (the registry module's
 * {@link LayerCache}): a layer already there, fetched before or uploaded by a client, is not
 * fetched again; a layer several index runs need at once is fetched once, the others waiting for
 * it; every byte is checked against the layer's digest while it streams.
 *
 * <p>Every URI, and every redirect, passes the {@link AddressGuard} before any connection is
 * attempted, and the HTTP client is given only the addresses the guard checked (its DNS is pinned
 * to them, and no proxy is used). Request headers are dropped when a redirect leaves the origin,
 * and https never redirects to http. Thread-safe.
 */
public final class GuardedLayerFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedLayerFetcher.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  private static final int MAX_REDIRECTS = 5;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private final LayerCache cache;
  private final AddressGuard guard;
  private final OkHttpClient client;
  private final Map<Digest, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

  /**
   * A fetcher into {@code cache}.
   *
   * @param timeout the longest one layer download may take
   * @param events hears the HTTP client's events (calls, DNS, connects), e.g. for metrics
   */
  public GuardedLayerFetcher(
      LayerCache cache, AddressGuard guard, Duration timeout, EventListener events) {
    this.cache = cache;
    this.guard = guard;
    this.client =
        new OkHttpClient.Builder()
            .proxy(Proxy.NO_PROXY)
            .followRedirects(false)
            .followSslRedirects(false)
            .connectTimeout(CONNECT_TIMEOUT)
            .readTimeout(READ_TIMEOUT)
            .callTimeout(timeout)
            .eventListener(events)
            .build();
  }

  /** The layer store the fetcher fills. */
  public LayerCache cache() {
    return cache;
  }

  /**
   * Makes every layer available, in order, fetching those the store lacks; a layer without a digest
   * is fetched and named by the digest of what arrived.
   *
   * @param progress hears {@code downloaded} once per layer that is ready (fetched or found)
   * @return the layers, reading the store, base first
   * @throws dev.vigil.spi.ScanException when a layer's bytes do not match its digest
   * @throws LayerFetchException when a layer's URI is refused or it cannot be fetched
   * @throws IOException when the store cannot be written
   */
  public List<LayerSource> fetch(List<LayerRef> layers, ProgressListener progress)
      throws IOException {
    List<LayerSource> sources = new ArrayList<>();
    for (LayerRef layer : layers) {
      long start = System.nanoTime();
      Digest digest = layer.hash() == null ? fetchUnnamed(layer) : ensure(layer);
      sources.add(new TarLayer(digest, () -> cache.open(digest)));
      progress.downloaded(digest.toString(), 0, System.nanoTime() - start);
    }
    return sources;
  }

  /** The layer in the store, fetched by this thread or by another that started first. */
  private Digest ensure(LayerRef layer) throws IOException {
    Digest digest = layer.hash();
    while (cache.find(digest).isEmpty()) {
      CompletableFuture<Void> mine = new CompletableFuture<>();
      CompletableFuture<Void> running = inFlight.putIfAbsent(digest, mine);
      if (running != null) {
        Futures.await(running, "layer " + digest);
        continue;
      }
      try {
        if (cache.find(digest).isEmpty()) {
          download(layer, in -> cache.store(digest, in));
        }
        mine.complete(null);
      } catch (IOException | RuntimeException e) {
        mine.completeExceptionally(e);
        throw e;
      } finally {
        inFlight.remove(digest, mine);
      }
    }
    return digest;
  }

  /** Fetches a layer without a digest into a temporary file, then stores it by its digest. */
  private Digest fetchUnnamed(LayerRef layer) throws IOException {
    Path part = Files.createTempFile("vigil-layer", ".part");
    try {
      MessageDigest hash = Digest.newSha256();
      download(
          layer,
          in -> {
            try (InputStream hashed = new DigestInputStream(in, hash);
                OutputStream out = Files.newOutputStream(part)) {
              hashed.transferTo(out);
            }
          });
      Digest digest = Digest.sha256(hash);
      if (cache.find(digest).isEmpty()) {
        try (InputStream in = Files.newInputStream(part)) {
          cache.store(digest, in);
        }
      }
      return digest;
    } finally {
      Files.deleteIfExists(part);
    }
  }

  /** What becomes of a layer's body. */
  @FunctionalInterface
  private interface BodySink {
    void accept(InputStream body) throws IOException;
  }

  private void download(LayerRef layer, BodySink sink) throws IOException {
    if (layer.uri() == null) {
      throw new LayerFetchException(
          "fetch: layer " + layer.hash() + " has no URI and was not uploaded");
    }
    URI uri = layer.uri();
    Map<String, List<String>> headers = layer.headers();
    for (int redirects = 0; ; redirects++) {
      List<InetAddress> addresses = guard.check(uri);
      try (Response response = pinned(uri, addresses).newCall(request(uri, headers)).execute()) {
        Optional<String> location = Optional.ofNullable(response.header("Location"));
        if (REDIRECTS.contains(response.code()) && location.isPresent()) {
          if (redirects == MAX_REDIRECTS) {
            throw new LayerFetchException("fetch: " + layer.uri() + ": too many redirects");
          }
          URI next = next(uri, location.get());
          headers = sameOrigin(uri, next) ? headers : Map.of();
          uri = next;
          continue;
        }
        if (response.code() != 200) {
          throw new LayerFetchException("fetch: GET " + layer.uri() + ": HTTP " + response.code());
        }
        sink.accept(response.body().byteStream());
        LOG.atDebug().setMessage("layer fetched").addKeyValue("uri", layer.uri()).log();
        return;
      } catch (LayerFetchException | ScanException e) {
        throw e;
      } catch (InterruptedIOException e) {
        throw new LayerFetchException("fetch: GET " + uri + ": timed out", e);
      } catch (IOException e) {
        throw new LayerFetchException("fetch: GET " + uri + ": " + e, e);
      }
    }
  }

  /** The client, resolving the URI's host to the checked addresses only. */
  private OkHttpClient pinned(URI uri, List<InetAddress> addresses) {
    String host = uri.getHost();
    return client
        .newBuilder()
        .dns(
            name -> {
              if (!name.equalsIgnoreCase(host)) {
                throw new UnknownHostException(name + " was not checked by the address guard");
              }
              return addresses;
            })
        .build();
  }

  private static Request request(URI uri, Map<String, List<String>> headers) {
    Request.Builder request = new Request.Builder().url(uri.toString()).get();
    headers.forEach(
        (name, values) -> {
          if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
            values.stream()
                .filter(v -> v != null && !v.isBlank())
                .forEach(v -> request.addHeader(name, v));
          }
        });
    return request.build();
  }

  private static URI next(URI current, String location) throws LayerFetchException {
    URI next;
    try {
      next = current.resolve(location.trim());
    } catch (IllegalArgumentException e) {
      throw new LayerFetchException(
          "fetch: GET " + current + " redirects to a malformed location: " + location, e);
    }
    if ("https".equalsIgnoreCase(current.getScheme())
        && "http".equalsIgnoreCase(next.getScheme())) {
      throw new LayerFetchException(
          "fetch: GET " + current + " redirects from https to http (" + next + "): refused");
    }
    return next;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(String.valueOf(b.getScheme()))
        && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost()))
        && a.getPort() == b.getPort();
  }
}
