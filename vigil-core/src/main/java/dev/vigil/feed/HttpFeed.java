package dev.vigil.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The http(s) half of {@link FeedClient}. Thread-safe. */
final class HttpFeed {
  private static final int NOT_MODIFIED = 304;
  private static final int NOT_FOUND = 404;
  private static final int GONE = 410;
  private static final long INDEX_MAX_BYTES = 16L * 1024 * 1024;

  private final HttpClient client;
  private final Duration timeout;
  private final long maxBytes;

  HttpFeed(Duration timeout, long maxBytes) {
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    this.timeout = timeout;
    this.maxBytes = maxBytes;
  }

  FeedResponse fetch(URI uri, Validators previous, Path target, Map<String, String> headers)
      throws IOException {
    HttpRequest.Builder request = request(uri);
    headers.forEach(request::header);
    if (previous.etag() != null) {
      request.header("If-None-Match", previous.etag());
    }
    if (previous.lastModified() != null) {
      request.header("If-Modified-Since", previous.lastModified());
    }
    HttpResponse<InputStream> response = send(uri, request.build());
    try (InputStream body = response.body()) {
      if (response.statusCode() == NOT_MODIFIED) {
        return new FeedResponse(FeedResponse.Status.NOT_MODIFIED, previous);
      }
      checkStatus(uri, response.statusCode());
      String what = "GET " + uri;
      Bodies.checkLength(
          response.headers().firstValueAsLong("Content-Length").orElse(0), maxBytes, what);
      Bodies.writeAtomically(body, target, maxBytes, what);
      return new FeedResponse(
          FeedResponse.Status.OK,
          new Validators(
              response.headers().firstValue("ETag").orElse(null),
              response.headers().firstValue("Last-Modified").orElse(null)));
    }
  }

  List<String> list(URI dir) throws IOException {
    HttpResponse<InputStream> response = send(dir, request(dir).build());
    try (InputStream body = response.body()) {
      checkStatus(dir, response.statusCode());
      byte[] page = Bodies.readAll(body, Math.min(maxBytes, INDEX_MAX_BYTES), "GET " + dir);
      return HtmlIndex.relativeLinks(new String(page, StandardCharsets.UTF_8));
    }
  }

  private HttpRequest.Builder request(URI uri) {
    return HttpRequest.newBuilder(uri).GET().timeout(timeout).header("User-Agent", "vigil");
  }

  private HttpResponse<InputStream> send(URI uri, HttpRequest request) throws IOException {
    try {
      HttpResponse.BodyHandler<InputStream> guarded =
          info ->
              HttpResponse.BodySubscribers.mapping(
                  HttpResponse.BodySubscribers.ofInputStream(),
                  body -> new IdleTimeoutInputStream(body, timeout, "feed: GET " + uri));
      return client.send(request, guarded);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("feed: GET " + uri + " was interrupted");
    } catch (IOException e) {
      throw new IOException("feed: GET " + uri + " failed: " + e, e);
    }
  }

  private static void checkStatus(URI uri, int status) throws IOException {
    if (status == NOT_FOUND || status == GONE) {
      throw new FeedNotFoundException("feed: GET " + uri + " returned " + status);
    }
    if (status < 200 || status > 299) {
      throw new IOException("feed: GET " + uri + " returned " + status);
    }
  }
}
