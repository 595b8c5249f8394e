package dev.vigil.server.http.v4;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.vigil.model.Digest;
import dev.vigil.model.Json;
import dev.vigil.server.http.ApiPaths;
import dev.vigil.server.http.MediaTypes;
import dev.vigil.server.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Serves the OpenAPI document, JSON by default or YAML on request, with an ETag: Clair's document
 * with Vigil's extensions merged in.
 */
public final class OpenApiRoutes {
  private static final String JSON_TYPE = "application/openapi+json";
  private static final String YAML_TYPE = "application/openapi+yaml";

  private final byte[] json;
  private final byte[] yaml;

  /** Loads and merges the documents. */
  public OpenApiRoutes() {
    JsonNode document = resource("openapi.json");
    merge((ObjectNode) document, resource("vigil-extensions.json"));
    try {
      json = Json.mapper().writeValueAsBytes(document);
      yaml =
          YAMLMapper.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build()
              .writeValueAsBytes(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("openapi: cannot write the document", e);
    }
  }

  /** Declares the route. */
  public void register(RoutesConfig routes) {
    routes.get(ApiPaths.OPENAPI, this::document);
  }

  private void document(Context ctx) {
    String type =
        MediaTypes.negotiate(ctx, JSON_TYPE, "application/json", YAML_TYPE, "application/yaml");
    byte[] body = type.endsWith("yaml") ? yaml : json;
    String etag = "\"" + Digest.sha256(body).hex() + "\"";
    ctx.header("ETag", etag);
    if (Requests.unmodified(ctx, etag)) {
      ctx.status(304);
      return;
    }
    ctx.status(200).contentType(type).result(body);
  }

  /** Merges {@code extra} into {@code base}: objects key by key, arrays appended. */
  static void merge(ObjectNode base, JsonNode extra) {
    for (Iterator<Map.Entry<String, JsonNode>> it = extra.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      JsonNode existing = base.get(field.getKey());
      if (existing instanceof ObjectNode object && field.getValue().isObject()) {
        merge(object, field.getValue());
      } else if (existing instanceof ArrayNode array && field.getValue().isArray()) {
        array.addAll((ArrayNode) field.getValue());
      } else {
        base.set(field.getKey(), field.getValue());
      }
    }
  }

  private static JsonNode resource(String name) {
    try (InputStream in =
        OpenApiRoutes.class.getResourceAsStream("/dev/vigil/server/openapi/" + name)) {
      if (in == null) {
        throw new IllegalStateException("openapi: resource " + name + " is missing from the jar");
      }
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
