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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A webhook receiver on loopback, as a notification consumer runs one: it takes only POSTs whose
 * bearer JWT verifies under the shared key, and queues their bodies.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One accepted delivery. */
  record Delivery(JsonNode body, String issuer, String testHeader) {}

  private final HttpServer server;
  private final MACVerifier verifier;
  private final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();

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

  /** The next accepted delivery within {@code wait}, or null. */
  Delivery next(Duration wait) throws InterruptedException {
    return deliveries.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      String issuer = verifiedIssuer(authorization);
      if (!"POST".equals(exchange.getRequestMethod()) || issuer == null) {
        exchange.sendResponseHeaders(401, -1);
        return;
      }
      deliveries.add(
          new Delivery(
              Json.mapper().readTree(body),
              issuer,
              exchange.getRequestHeaders().getFirst("X-Vigil-Test")));
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
