package dev.vigil.cli.remote;

import dev.vigil.layer.BlobOpener;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Requests to a Clair server as klar sends them: the address completed with {@code http://} and
 * port 6060 when missing, one timeout for each whole request, JSON bodies, an optional trace.
 */
public final class ClairHttp {
  private static final int MIN_PORT_COLON = 6;

  private final String base;
  private final Duration timeout;
  private final PrintWriter trace;
  private final HttpClient client;

  /**
   * A client for {@code address}.
   *
   * @param trace where requests and response statuses are printed, or null for nowhere
   */
  public ClairHttp(String address, Duration timeout, PrintWriter trace) {
    this.base = baseUrl(address);
    this.timeout = timeout;
    this.trace = trace;
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** klar's completion of CLAIR_ADDR: a scheme and port 6060 added when missing. */
  public static String baseUrl(String address) {
    String url = address;
    if (!url.startsWith("http://") && !url.startsWith("https://")) {
      url = "http://" + url;
    }
    if (url.lastIndexOf(':') < MIN_PORT_COLON) {
      url = url + ":6060";
    }
    return url;
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:6060}. */
  public String base() {
    return base;
  }

  /** Sends {@code method} to {@code path} with a JSON body or none; answers status and body. */
  public HttpResponse<String> send(String method, String path, String json) throws IOException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (trace != null) {
      trace.println(method + " " + base + path);
      if (json != null) {
        trace.println(json);
      }
    }
    return exchange(request.build());
  }

  /**
   * PUTs a blob to {@code path}, streamed from {@code body}, allowing {@code timeout} for the whole
   * request; answers the status and body.
   */
  public HttpResponse<String> put(String path, BlobOpener body, Duration timeout)
      throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .header("Content-Type", "application/octet-stream")
            .PUT(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> {
                      try {
                        return body.open();
                      } catch (IOException e) {
                        throw new UncheckedIOException(e);
                      }
                    }))
            .build();
    if (trace != null) {
      trace.println("PUT " + base + path);
    }
    return exchange(request);
  }

  /** Sends {@code request}, tracing the answer. */
  private HttpResponse<String> exchange(HttpRequest request) throws IOException {
    try {
      HttpResponse<String> response =
          client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (trace != null) {
        trace.println(response.statusCode() + " " + response.body());
      }
      return response;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("clair: interrupted", e);
    }
  }
}
