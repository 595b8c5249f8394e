package dev.vigil.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP proxy in front of a rig registry that counts requests and injects faults into
 * chosen blobs: corrupt a byte, stall mid-body, cut the connection mid-body, answer an error status
 * a number of times, or redirect to another server. It can also drop the request's {@code Accept}
 * header and rewrite response headers (to route the token realm through a second proxy).
 */
public final class FaultProxy implements AutoCloseable {
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "content-length",
          "transfer-encoding",
          "host",
          "upgrade",
          "keep-alive",
          "expect",
          "te",
          "trailer",
          "http2-settings");

  /** What to do to a blob. */
  private record Fault(Kind kind, int status, String retryAfter, AtomicInteger remaining) {}

  private enum Kind {
    CORRUPT,
    STALL,
    RESET,
    STATUS,
    REDIRECT
  }

  private final HttpServer server;
  private final PlainHttpFront front;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String upstream;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Fault> faults = new ConcurrentHashMap<>();
  private final Map<String, String> rewrites = new ConcurrentHashMap<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile boolean stripAccept;
  private volatile String redirectBase;

  private FaultProxy(String upstream) throws IOException {
    this.upstream = upstream;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/", this::handle);
    server.start();
    this.front = PlainHttpFront.start(server.getAddress().getPort(), threads);
  }

  /** A proxy in front of {@code http://UPSTREAM} (host:port). */
  public static FaultProxy start(String upstream) throws IOException {
    return new FaultProxy(upstream);
  }

  /** The proxy's host:port, to use as the registry part of references. */
  public String address() {
    return "127.0.0.1:" + front.port();
  }

  /** Every request seen, as {@code METHOD PATH?QUERY}, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** How many requests' path and query contain {@code text}. */
  public long count(String text) {
    return requests.stream().filter(r -> r.contains(text)).count();
  }

  /** Flips one byte in the middle of the blob's body. */
  public FaultProxy corrupt(String digest) {
    faults.put(digest, new Fault(Kind.CORRUPT, 0, null, new AtomicInteger(Integer.MAX_VALUE)));
    return this;
  }

  /** Sends half the blob's body, then nothing more until the proxy closes. */
  public FaultProxy stall(String digest) {
    faults.put(digest, new Fault(Kind.STALL, 0, null, new AtomicInteger(Integer.MAX_VALUE)));
    return this;
  }

  /** Sends half the blob's body, then closes the connection, the first {@code times} times. */
  public FaultProxy reset(String digest, int times) {
    faults.put(digest, new Fault(Kind.RESET, 0, null, new AtomicInteger(times)));
    return this;
  }

  /** Answers the blob with {@code status} (and {@code Retry-After} unless null) {@code times}. */
  public FaultProxy fail(String digest, int status, int times, String retryAfter) {
    faults.put(digest, new Fault(Kind.STATUS, status, retryAfter, new AtomicInteger(times)));
    return this;
  }

  /** Redirects the blob (after the registry accepted the request) to {@code base/blobs/DIGEST}. */
  public FaultProxy redirect(String digest, String base) {
    redirectBase = base;
    faults.put(digest, new Fault(Kind.REDIRECT, 307, null, new AtomicInteger(Integer.MAX_VALUE)));
    return this;
  }

  /** Drops the {@code Accept} header of every request, as an old client would send. */
  public FaultProxy stripAccept() {
    stripAccept = true;
    return this;
  }

  /** Replaces {@code from} by {@code to} in every response header value. */
  public FaultProxy rewriteHeaders(String from, String to) {
    rewrites.put(from, to);
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestURI().toString();
    requests.add(exchange.getRequestMethod() + " " + target);
    Fault fault = faultFor(target);
    try (exchange) {
      if (fault != null && fault.kind() == Kind.STATUS && fault.remaining().getAndDecrement() > 0) {
        if (fault.retryAfter() != null) {
          exchange.getResponseHeaders().add("Retry-After", fault.retryAfter());
        }
        exchange.sendResponseHeaders(fault.status(), -1);
        return;
      }
      HttpResponse<InputStream> response = forward(exchange, target);
      try (InputStream body = response.body()) {
        if (fault != null && fault.kind() == Kind.REDIRECT && response.statusCode() == 200) {
          String digest = target.substring(target.lastIndexOf('/') + 1);
          exchange.getResponseHeaders().add("Location", redirectBase + "/blobs/" + digest);
          exchange.sendResponseHeaders(307, -1);
          return;
        }
        copyHeaders(response, exchange);
        long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        boolean empty =
            exchange.getRequestMethod().equals("HEAD")
                || length == 0
                || response.statusCode() == 304;
        exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : Math.max(length, 0));
        if (!empty) {
          relay(body, exchange.getResponseBody(), fault);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Fault faultFor(String target) {
    int blobs = target.indexOf("/blobs/");
    if (blobs < 0) {
      return null;
    }
    return faults.get(target.substring(blobs + "/blobs/".length()));
  }

  private HttpResponse<InputStream> forward(HttpExchange exchange, String target)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://" + upstream + target))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody());
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              String lower = name.toLowerCase(Locale.ROOT);
              if (!HOP_BY_HOP.contains(lower) && !(stripAccept && lower.equals("accept"))) {
                values.forEach(v -> request.header(name, v));
              }
            });
    return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  private void copyHeaders(HttpResponse<InputStream> response, HttpExchange exchange) {
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                values.forEach(v -> exchange.getResponseHeaders().add(name, rewrite(v)));
              }
            });
  }

  private String rewrite(String value) {
    String result = value;
    for (Map.Entry<String, String> rule : rewrites.entrySet()) {
      result = result.replace(rule.getKey(), rule.getValue());
    }
    return result;
  }

  private void relay(InputStream body, OutputStream out, Fault fault)
      throws IOException, InterruptedException {
    byte[] bytes = body.readAllBytes();
    Kind kind = fault == null ? null : fault.kind();
    if (kind == Kind.RESET && fault.remaining().getAndDecrement() <= 0) {
      kind = null;
    }
    if (kind == Kind.CORRUPT) {
      bytes[bytes.length / 2] ^= 0x01;
    }
    if (kind == Kind.STALL || kind == Kind.RESET) {
      out.write(bytes, 0, bytes.length / 2);
      out.flush();
      if (kind == Kind.STALL) {
        closing.await();
      }
      throw new IOException("fault proxy: cutting the body short");
    }
    out.write(bytes);
  }

  /** Stops the proxy, releasing stalled responses. */
  @Override
  public void close() {
    closing.countDown();
    front.close();
    server.stop(0);
    threads.shutdownNow();
  }
}
