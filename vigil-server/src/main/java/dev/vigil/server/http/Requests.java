package dev.vigil.server.http;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.model.Digest;
import dev.vigil.model.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.UUID;

/** Reads request parts, turning malformed input into 400 answers. */
public final class Requests {
  private Requests() {}

  /** The digest in path parameter {@code name}. */
  public static Digest digest(Context ctx, String name) {
    try {
      return Digest.parse(ctx.pathParam(name));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("malformed path: " + e.getMessage());
    }
  }

  /** A UUID from a path or query parameter's text. */
  public static UUID uuid(String what, String text) {
    try {
      return UUID.fromString(text);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("could not parse \"" + what + "\" into uuid");
    }
  }

  /** The request body as {@code type}; {@code what} names it in the error message. */
  public static <T> T body(Context ctx, Class<T> type, String what) {
    return body(ctx, Json.mapper().constructType(type), what);
  }

  /** The request body as {@code type}; {@code what} names it in the error message. */
  public static <T> T body(Context ctx, JavaType type, String what) {
    try {
      T value = Json.mapper().readValue(ctx.bodyAsBytes(), type);
      if (value == null) {
        throw ApiException.badRequest("failed to deserialize " + what + ": empty body");
      }
      return value;
    } catch (IOException | IllegalArgumentException e) {
      throw ApiException.badRequest("failed to deserialize " + what + ": " + firstLine(e));
    }
  }

  /** The request body as a JSON tree. */
  public static JsonNode tree(Context ctx, String what) {
    return body(ctx, JsonNode.class, what);
  }

  /** True when the request's {@code If-None-Match} names {@code etag}. */
  public static boolean unmodified(Context ctx, String etag) {
    String header = ctx.header("If-None-Match");
    if (header == null) {
      return false;
    }
    for (String candidate : header.split(",")) {
      if (candidate.trim().equals(etag)) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
