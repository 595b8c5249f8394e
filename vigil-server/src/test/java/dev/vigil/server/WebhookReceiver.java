package dev.vigil.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vigil.model.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on loopback, as a notification consumer runs one: it takes only POSTs whose
 * bearer JWT verifies under the shared key, and queues their bodies.
 */
final class WebhookReceiver implements Inbox, AutoCloseable {
  /** One accepted delivery. */
  record Delivery(JsonNode body, String issuer, String testHeader) {}

  private final HttpServer server;
  private final MACVerifier verifier;
  private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
  private final List<String> issuers = new CopyOnWriteArrayList<>();
  private final List<String> testHeaders = new CopyOnWriteArrayList<>();
  private final AtomicInteger refused = new AtomicInteger();

  WebhookReceiver(byte[] key) throws IOException, JOSEException {
    this.verifier = new MACVerifier(key);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The receiver's URL. */
  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  /** How many deliveries were accepted. */
  int accepted() {
    return issuers.size();
  }

  /** How many requests were refused (bad or missing signature). */
  int refused() {
    return refused.get();
  }

  /** The issuers of the accepted deliveries' tokens. */
  List<String> issuers() {
    return List.copyOf(issuers);
  }

  /** The X-Vigil-Test header of each accepted delivery. */
  List<String> testHeaders() {
    return List.copyOf(testHeaders);
  }

  /** The next accepted delivery within {@code wait}, or null. */
  Delivery nextDelivery(Duration wait) throws InterruptedException {
    return deliveries.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public JsonNode next(Duration wait) throws InterruptedException {
    Delivery delivery = nextDelivery(wait);
    return delivery == null ? null : delivery.body();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      String issuer = verifiedIssuer(authorization);
      if (!"POST".equals(exchange.getRequestMethod()) || issuer == null) {
        refused.incrementAndGet();
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      String testHeader = exchange.getRequestHeaders().getFirst("X-Vigil-Test");
      issuers.add(issuer);
      testHeaders.add(String.valueOf(testHeader));
      deliveries.add(new Delivery(Json.mapper().readTree(body), issuer, testHeader));
      exchange.sendResponseHeaders(200, -1);
    }
  }

  /** The token's issuer when its signature verifies, else null. */
  private String verifiedIssuer(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    try {
      SignedJWT jwt = SignedJWT.parse(authorization.substring("Bearer ".length()));
      return jwt.verify(verifier) ? jwt.getJWTClaimsSet().getIssuer() : null;
    } catch (ParseException | JOSEException e) {
      return null;
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
