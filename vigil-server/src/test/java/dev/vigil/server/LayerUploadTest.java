package dev.vigil.server;

import static dev.vigil.server.ClairSchemas.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Digest;
import dev.vigil.model.Json;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vigil's upload endpoints: the server names the layers it lacks, takes each blob once, checked
 * against its digest and size bound (nothing half-written kept), then indexes a manifest whose
 * layers have no URI from the uploaded blobs.
 */
class LayerUploadTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final long MAX = 8_000_000;

  @TempDir Path tmp;

  @Test
  void uploadedLayersAreIndexedWithoutFetching() throws Exception {
    byte[] layer = AlpineLayers.p1Layer();
    Digest digest = Digest.sha256(layer);
    try (RunningServer server = RunningServer.indexer(tmp, "  upload_max_bytes: " + MAX + "\n")) {
      String query = "{\"layers\":[\"" + digest + "\",\"" + digest + "\"]}";
      assertThat(missing(server, query)).containsExactly(digest.toString());

      Digest other = Digest.sha256("other".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> wrong = put(server, other, layer, true);
      assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(400);
      assertThat(wrong.body()).contains("does not match its digest");
      assertValid("error", wrong.body());
      assertThat(leftovers()).as("nothing half-written is kept").isEmpty();

      assertThat(declareOnly(server, digest, MAX + 1))
          .as("a declared length over the bound is refused before any body byte is read")
          .startsWith("HTTP/1.1 413 ");
      HttpResponse<String> streamed = put(server, digest, new byte[(int) MAX + 1], false);
      assertThat(streamed.statusCode()).as(streamed.body()).isEqualTo(400);
      assertThat(streamed.body()).contains("larger than the 8000000 bytes allowed");
      assertThat(leftovers()).isEmpty();

      assertThat(put(server, digest, layer, false).statusCode()).isEqualTo(201);
      assertThat(put(server, digest, layer, true).statusCode()).isEqualTo(200);
      assertThat(missing(server, query)).isEmpty();

      Digest manifest = Digest.sha256("uploaded".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> indexed = indexWithoutUris(server, manifest, digest);
      assertThat(indexed.statusCode()).as(indexed.body()).isEqualTo(201);
      assertValid("index_report", indexed.body());
      assertThat(Json.mapper().readTree(indexed.body()).get("packages")).hasSize(14);
      assertThat(server.introspect("/metrics").body()).contains("vigil_layer_uploads_total 1.0");

      Digest absent = Digest.sha256("absent".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> unreachable = indexWithoutUris(server, absent, absent);
      assertThat(unreachable.statusCode()).isEqualTo(422);
      assertThat(unreachable.body()).contains("layer-unreachable").contains("not uploaded");
    }
  }

  /** Posts a manifest of one layer named by its digest only. */
  private static HttpResponse<String> indexWithoutUris(
      RunningServer server, Digest manifest, Digest layer) throws Exception {
    return server.send(
        "POST",
        "/indexer/api/v1/index_report",
        "{\"hash\":\"" + manifest + "\",\"layers\":[{\"hash\":\"" + layer + "\"}]}");
  }

  private static List<String> missing(RunningServer server, String query) throws Exception {
    HttpResponse<String> response =
        server.send("POST", "/indexer/api/v1/vigil/missing_layers", query);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode missing = Json.mapper().readTree(response.body()).get("missing");
    return Json.mapper()
        .convertValue(
            missing,
            Json.mapper().getTypeFactory().constructCollectionType(List.class, String.class));
  }

  private static HttpResponse<String> put(
      RunningServer server, Digest digest, byte[] body, boolean withLength) throws Exception {
    HttpRequest.BodyPublisher publisher =
        withLength
            ? HttpRequest.BodyPublishers.ofByteArray(body)
            : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    return HttpClient.newBuilder()
        .connectTimeout(TIMEOUT)
        .build()
        .send(
            HttpRequest.newBuilder(
                    URI.create(server.apiUrl() + "/indexer/api/v1/vigil/layer/" + digest))
                .timeout(TIMEOUT)
                .header("Content-Type", "application/octet-stream")
                .PUT(publisher)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Sends only the headers of a PUT that declares {@code length} bytes and answers the status line.
   * (A client that sent the body too would race the server's early answer against its own writes.)
   */
  private static String declareOnly(RunningServer server, Digest digest, long length)
      throws Exception {
    URI uri = URI.create(server.apiUrl());
    try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      String head =
          "PUT /indexer/api/v1/vigil/layer/"
              + digest
              + " HTTP/1.1\r\nHost: "
              + uri.getAuthority()
              + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
              + length
              + "\r\n\r\n";
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }

  private List<Path> leftovers() throws Exception {
    Path layers = tmp.resolve("layers");
    if (!Files.exists(layers)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(layers)) {
      return files
          .filter(Files::isRegularFile)
          .filter(f -> !f.getFileName().toString().startsWith("."))
          .toList();
    }
  }
}
