package dev.vigil.cli.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.layer.LayerSource;
import dev.vigil.layer.TarLayer;
import dev.vigil.model.Digest;
import dev.vigil.model.Json;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Uploads the layer blobs a Vigil server lacks (Vigil's extension of Clair's API), for images the
 * server cannot fetch itself: local archives, registries only the client can reach. The server
 * names the blobs it lacks; only those are sent, each checked there against its digest.
 */
public final class LayerUploader {
  private static final String MISSING = "/indexer/api/v1/vigil/missing_layers";
  private static final String LAYER = "/indexer/api/v1/vigil/layer/";

  private final ClairHttp http;
  private final Duration timeout;

  /**
   * An uploader over {@code http}.
   *
   * @param timeout how long one blob's upload may take
   */
  public LayerUploader(ClairHttp http, Duration timeout) {
    this.http = http;
    this.timeout = timeout;
  }

  /**
   * Uploads those of {@code layers} the server lacks.
   *
   * @return how many blobs were uploaded
   * @throws ScanException when a layer is not a blob (a directory input) or the server refuses it
   * @throws IOException when the server cannot be reached or is not a Vigil server
   */
  public int upload(List<LayerSource> layers) throws IOException {
    Set<Digest> missing = missing(layers);
    int uploaded = 0;
    for (LayerSource layer : layers) {
      if (!missing.remove(layer.digest())) {
        continue;
      }
      if (!(layer instanceof TarLayer blob)) {
        throw new ScanException(
            "scan: layer " + layer.digest() + " is a directory, which cannot be uploaded");
      }
      HttpResponse<String> response = http.put(LAYER + layer.digest(), blob::openBlob, timeout);
      if (response.statusCode() != 201 && response.statusCode() != 200) {
        throw new ScanException(
            "scan: the server refused layer "
                + layer.digest()
                + ": "
                + response.statusCode()
                + " "
                + response.body().strip());
      }
      uploaded++;
    }
    return uploaded;
  }

  private Set<Digest> missing(List<LayerSource> layers) throws IOException {
    ObjectNode query = JsonNodeFactory.instance.objectNode();
    ArrayNode digests = query.putArray("layers");
    layers.forEach(l -> digests.add(l.digest().toString()));
    HttpResponse<String> response =
        http.send("POST", MISSING, Json.mapper().writeValueAsString(query));
    if (response.statusCode() != 200) {
      throw new IOException(
          "scan: the server does not take layer uploads (a Vigil server does): "
              + response.statusCode()
              + " "
              + response.body().strip());
    }
    Set<Digest> missing = new HashSet<>();
    JsonNode list = Json.mapper().readTree(response.body()).get("missing");
    if (list != null) {
      list.forEach(d -> missing.add(Digest.parse(d.asText())));
    }
    return missing;
  }
}
