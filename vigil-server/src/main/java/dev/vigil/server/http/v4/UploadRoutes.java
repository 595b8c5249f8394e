package dev.vigil.server.http.v4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Digest;
import dev.vigil.server.fetch.LayerUploads;
import dev.vigil.server.http.ApiException;
import dev.vigil.server.http.ApiPaths;
import dev.vigil.server.http.MediaTypes;
import dev.vigil.server.http.Requests;
import dev.vigil.server.http.Responses;
import dev.vigil.spi.ScanException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Vigil's layer upload endpoints, for servers that cannot reach a layer: which blobs the server
 * lacks, and a PUT of one blob by its digest. The manifest is then indexed as usual; its layers are
 * found in the store and not fetched.
 */
public final class UploadRoutes {
  private static final String JSON = Responses.JSON;

  private final LayerUploads uploads;
  private final Counter stored;

  /** Routes over {@code uploads}, counting stored blobs in {@code metrics}. */
  public UploadRoutes(LayerUploads uploads, MeterRegistry metrics) {
    this.uploads = uploads;
    this.stored = metrics.counter("vigil_layer_uploads");
  }

  /** Declares the routes. */
  public void register(RoutesConfig routes) {
    routes.post(ApiPaths.MISSING_LAYERS, this::missing);
    routes.put(ApiPaths.LAYER_BLOB, this::upload);
  }

  private void missing(Context ctx) {
    MediaTypes.requireBody(ctx, JSON);
    String type = MediaTypes.negotiate(ctx, JSON);
    JsonNode body = Requests.tree(ctx, "layer digests");
    JsonNode layers = body.get("layers");
    if (layers == null || !layers.isArray()) {
      throw ApiException.badRequest(
          "failed to deserialize layer digests: expected {\"layers\": [...]}");
    }
    List<Digest> digests = new ArrayList<>();
    for (JsonNode layer : layers) {
      try {
        digests.add(Digest.parse(layer.asText()));
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("failed to deserialize layer digests: " + e.getMessage());
      }
    }
    ObjectNode answer = JsonNodeFactory.instance.objectNode();
    ArrayNode missing = answer.putArray("missing");
    uploads.missing(digests).forEach(d -> missing.add(d.toString()));
    Responses.json(ctx, 200, type, answer);
  }

  private void upload(Context ctx) throws IOException {
    Digest digest = Requests.digest(ctx, "digest");
    long declared = ctx.contentLength();
    if (declared > uploads.maxBytes()) {
      throw new ApiException(
          413,
          "upload: layer "
              + digest
              + " is larger than the "
              + uploads.maxBytes()
              + " bytes allowed");
    }
    boolean created;
    try {
      created = uploads.store(digest, ctx.bodyInputStream());
    } catch (ScanException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    if (created) {
      stored.increment();
    }
    ctx.header("Location", ApiPaths.LAYER_BLOB.replace("{digest}", digest.toString()));
    ctx.status(created ? 201 : 200);
  }
}
