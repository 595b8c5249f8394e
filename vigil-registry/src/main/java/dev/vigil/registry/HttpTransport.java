package dev.vigil.registry;

import dev.vigil.feed.IdleTimeoutInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Sends GET requests for the registry client over {@link HttpClient}, HTTP/1.1.
 *
 * <p>Redirects are followed here rather than by the client so that the request's headers reach only
 * the origin they were meant for: once a redirect leaves the first URI's scheme, host and port
 * (blob storage, a CDN), only {@code Accept} and {@code User-Agent} are sent, never {@code
 * Authorization}. A redirect from https to http is refused. Connects and the wait for headers give
 * up after the timeout, and bodies that stall for as long are cut off. Thread-safe.
 */
final class HttpTransport {
  private static final int MAX_REDIRECTS = 10;
  private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
  private static final Set<String> KEPT_ACROSS_ORIGINS = Set.of("accept", "user-agent");
  private static final String USER_AGENT = "vigil";

  private final HttpClient client;
  private final Duration timeout;

  HttpTransport(RegistrySettings settings) throws RegistryException {
    this.timeout = settings.timeout();
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .sslContext(TlsContexts.of(settings))
            .build();
  }

  /** The read and connect timeout. */
  Duration timeout() {
    return timeout;
  }

  /**
   * GETs {@code uri}, following redirects.
   *
   * @param headers request headers, e.g. {@code Accept} and {@code Authorization}
   * @throws IOException when no response arrives (connect failure, timeout, reset), or a redirect
   *     is malformed, loops or downgrades to http
   */
  Reply get(URI uri, Map<String, String> headers) throws IOException {
    URI current = uri;
    Map<String, String> sent = new LinkedHashMap<>(headers);
    for (int hop = 0; ; hop++) {
      Reply reply = send(current, sent);
      String location = reply.header("Location").orElse(null);
      if (!REDIRECTS.contains(reply.status()) || location == null) {
        return reply;
      }
      reply.close();
      if (hop == MAX_REDIRECTS) {
        throw new RegistryException("registry: GET " + uri + " redirects more than 10 times");
      }
      URI next = resolve(current, location);
      if (current.getScheme().equalsIgnoreCase("https")
          && next.getScheme().equalsIgnoreCase("http")) {
        throw new RegistryException(
            "registry: GET " + current + " redirects from https to http (" + next + "): refused");
      }
      if (!sameOrigin(uri, next)) {
        sent.keySet()
            .removeIf(name -> !KEPT_ACROSS_ORIGINS.contains(name.toLowerCase(Locale.ROOT)));
      }
      current = next;
    }
  }

  private Reply send(URI uri, Map<String, String> headers) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).GET().timeout(timeout).header("User-Agent", USER_AGENT);
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("User-Agent")) {
            request.header(name, value);
          }
        });
    String what = "registry: GET " + uri;
    BodyHandler<InputStream> guarded =
        info ->
            BodySubscribers.mapping(
                BodySubscribers.ofInputStream(),
                body -> new IdleTimeoutInputStream(body, timeout, what));
    try {
      var response = client.send(request.build(), guarded);
      return new Reply(response.statusCode(), uri, response.headers(), response.body());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(what + " was interrupted");
    }
  }

  private static URI resolve(URI current, String location) throws RegistryException {
    try {
      URI next = current.resolve(location.trim());
      String scheme = next.getScheme() == null ? "" : next.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException("not http(s)");
      }
      return next;
    } catch (IllegalArgumentException e) {
      throw new RegistryException(
          "registry: GET " + current + " redirects to a malformed location: " + location, e);
    }
  }

  /** True when both URIs have the same scheme, host and port. */
  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return Objects.equals(uri.getScheme().toLowerCase(Locale.ROOT), "https") ? 443 : 80;
  }
}
