package dev.vigil.server.http.v4;

import dev.vigil.model.Digest;
import dev.vigil.server.http.ApiPaths;
import dev.vigil.server.http.MediaTypes;
import dev.vigil.server.http.Requests;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves Clair's OpenAPI document, JSON by default or YAML on request, with an ETag. */
public final class OpenApiRoutes {
  private static final String JSON_TYPE = "application/openapi+json";
  private static final String YAML_TYPE = "application/openapi+yaml";

  private final byte[] json = resource("openapi.json");
  private final byte[] yaml = resource("openapi.yaml");

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

  private static byte[] resource(String name) {
    try (InputStream in =
        OpenApiRoutes.class.getResourceAsStream("/dev/vigil/server/openapi/" + name)) {
      if (in == null) {
        throw new IllegalStateException("openapi: resource " + name + " is missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
