package dev.vigil.cli.klar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Clair server on a loopback port answering with {@link SampleFindings}: through the v1 API, or,
 * without one (404), through v4's. Records the request bodies it was sent.
 */
final class StubClair implements AutoCloseable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpServer server;
  private final boolean v1;
  final List<JsonNode> posted = new CopyOnWriteArrayList<>();

  StubClair(boolean v1) throws IOException {
    this.v1 = v1;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The address as CLAIR_ADDR gives it. */
  String address() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (body.length > 0) {
      posted.add(MAPPER.readTree(body));
    }
    if (path.startsWith("/v1/") && !v1) {
      send(exchange, 404, "{\"Error\":{\"Message\":\"not found\"}}");
    } else if (path.equals("/v1/layers")) {
      send(exchange, 201, "{}");
    } else if (path.startsWith("/v1/layers/")) {
      send(exchange, 200, v1Layer());
    } else if (path.equals("/indexer/api/v1/index_report")) {
      send(exchange, 201, "{}");
    } else if (path.startsWith("/matcher/api/v1/vulnerability_report/")) {
      send(exchange, 200, v4Report());
    } else {
      send(exchange, 404, "{}");
    }
  }

  private static String v1Layer() {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode features = root.putObject("Layer").putArray("Features");
    for (KlarVulnerability v : SampleFindings.ALL) {
      ObjectNode f = features.addObject();
      f.put("Name", v.featureName()).put("Version", v.featureVersion());
      ObjectNode vuln = f.putArray("Vulnerabilities").addObject();
      vuln.put("Name", v.name()).put("NamespaceName", v.namespaceName());
      vuln.put("Description", v.description()).put("Link", v.link());
      vuln.put("Severity", v.severity()).put("FixedBy", v.fixedBy());
    }
    return root.toString();
  }

  private static String v4Report() {
    ObjectNode root = MAPPER.createObjectNode();
    int id = 0;
    for (KlarVulnerability v : SampleFindings.ALL) {
      String key = String.valueOf(++id);
      root.with("packages")
          .putObject(key)
          .put("name", v.featureName())
          .put("version", v.featureVersion());
      ObjectNode vuln = root.with("vulnerabilities").putObject(key);
      vuln.put("name", v.name()).put("description", v.description());
      vuln.put("links", v.link().isEmpty() ? "" : v.link() + " https://example.org/second");
      vuln.put("normalized_severity", v.severity()).put("fixed_in_version", v.fixedBy());
      root.with("package_vulnerabilities").putArray(key).add(key);
    }
    return root.toString();
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
