package dev.vigil.server.indexer;

import dev.vigil.layer.LayerSource;
import dev.vigil.layer.TarLayer;
import dev.vigil.model.Digest;
import dev.vigil.model.LayerRef;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches layers over HTTP(S) into temporary files: GET each URI with its headers, follow redirects
 * (dropping the headers when the host changes, as registries redirect to storage that rejects
 * them), and verify the digest while streaming.
 *
 * <p>Thread-safe.
 */
public final class HttpLayerFetcher implements LayerFetcher {
  private static final Logger LOG = LoggerFactory.getLogger(HttpLayerFetcher.class);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_REDIRECTS = 5;
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final HttpClient client;
  private final Duration timeout;

  /** A fetcher whose each layer download must finish within {@code timeout}. */
  public HttpLayerFetcher(Duration timeout) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.timeout = timeout;
  }

  @Override
  public Fetched fetch(List<LayerRef> layers) throws IOException {
    Path dir = Files.createTempDirectory("vigil-layers");
    TempLayers fetched = new TempLayers(dir);
    try {
      int index = 0;
      for (LayerRef layer : layers) {
        Path file = dir.resolve("layer-" + index++);
        Digest digest = download(layer, file);
        fetched.layers.add(TarLayer.ofFile(digest, file));
      }
      return fetched;
    } catch (IOException | RuntimeException e) {
      fetched.close();
      throw e;
    }
  }

  private Digest download(LayerRef layer, Path file) throws IOException {
    URI uri = layer.uri();
    Map<String, List<String>> headers = layer.headers();
    for (int redirects = 0; ; redirects++) {
      requireHttp(uri);
      HttpResponse<InputStream> response = send(request(uri, headers));
      int status = response.statusCode();
      if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
        response.body().close();
        if (redirects == MAX_REDIRECTS) {
          throw new IOException("fetch: " + layer.uri() + ": too many redirects");
        }
        URI next = uri.resolve(response.headers().firstValue("Location").get());
        headers = sameOrigin(uri, next) ? headers : Map.of();
        uri = next;
        continue;
      }
      if (status != 200) {
        response.body().close();
        throw new IOException("fetch: GET " + layer.uri() + ": HTTP " + status);
      }
      return save(layer, response.body(), file);
    }
  }

  private Digest save(LayerRef layer, InputStream body, Path file) throws IOException {
    String algorithm = layer.hash() == null ? "sha256" : layer.hash().algorithm();
    MessageDigest hash = newHash(algorithm);
    try (InputStream in = new DigestInputStream(body, hash);
        OutputStream out = Files.newOutputStream(file)) {
      in.transferTo(out);
    }
    Digest actual = new Digest(algorithm, HexFormat.of().formatHex(hash.digest()));
    if (layer.hash() != null && !layer.hash().equals(actual)) {
      throw new ScanException(
          "fetch: "
              + layer.uri()
              + ": digest mismatch: expected "
              + layer.hash()
              + ", got "
              + actual);
    }
    LOG.atDebug()
        .setMessage("layer fetched")
        .addKeyValue("digest", actual)
        .addKeyValue("bytes", Files.size(file))
        .log();
    return actual;
  }

  private HttpRequest request(URI uri, Map<String, List<String>> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
    headers.forEach(
        (name, values) -> {
          if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
            values.stream()
                .filter(v -> v != null && !v.isBlank())
                .forEach(v -> request.header(name, v));
          }
        });
    return request.build();
  }

  private HttpResponse<InputStream> send(HttpRequest request) throws IOException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("fetch: interrupted while fetching " + request.uri());
    } catch (IOException e) {
      throw new IOException("fetch: GET " + request.uri() + ": " + e, e);
    }
  }

  private static void requireHttp(URI uri) throws IOException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IOException("fetch: " + uri + ": only http and https layer URIs are supported");
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && a.getPort() == b.getPort();
  }

  private static MessageDigest newHash(String algorithm) {
    try {
      return MessageDigest.getInstance(algorithm.equals("sha512") ? "SHA-512" : "SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks " + algorithm, e);
    }
  }

  /** Layers in a temporary directory, deleted on close. */
  private static final class TempLayers implements Fetched {
    private final Path dir;
    private final List<LayerSource> layers = new ArrayList<>();

    TempLayers(Path dir) {
      this.dir = dir;
    }

    @Override
    public List<LayerSource> layers() {
      return List.copyOf(layers);
    }

    @Override
    public void close() {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
        Files.deleteIfExists(dir);
      } catch (IOException e) {
        LOG.warn("layer files not deleted: dir={} error={}", dir, e.toString());
      }
    }
  }
}
