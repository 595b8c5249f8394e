package dev.vigil.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vigil.model.Json;
import io.javalin.http.Context;

/** Writes response bodies: JSON documents and Clair's error bodies. */
public final class Responses {
  /** The media type of error bodies, as Clair writes them. */
  public static final String JSON = "application/json";

  private Responses() {}

  /** Writes {@code body} (a model record or a JSON tree) with {@code status} and media type. */
  public static void json(Context ctx, int status, String mediaType, Object body) {
    ctx.status(status).contentType(mediaType).result(encode(body));
  }

  /** The JSON bytes of {@code body} (a model record or a JSON tree). */
  public static byte[] encode(Object body) {
    try {
      return Json.mapper().writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("http: cannot encode a response body", e);
    }
  }

  /** The request attribute that marks a response as an error body already written. */
  static final String ERROR_WRITTEN = "vigil.error-written";

  /** Writes Clair's error body: {@code {"code": …, "message": …}}. */
  public static void error(Context ctx, int status, String message) {
    error(ctx, status, code(status), message);
  }

  /** Writes Clair's error body with a code of its own. */
  public static void error(Context ctx, int status, String code, String message) {
    markError(ctx);
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("code", code);
    body.put("message", message);
    ctx.header("X-Content-Type-Options", "nosniff");
    json(ctx, status, JSON, body);
  }

  /** Marks the response as an error body of its own, which the 404 fallback must leave alone. */
  public static void markError(Context ctx) {
    ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
  }

  /** True when an error body was written for this response. */
  public static boolean errorWritten(Context ctx) {
    return ctx.attribute(ERROR_WRITTEN) != null;
  }

  /** Clair's error code for a status, with Vigil's own for the statuses Clair leaves generic. */
  static String code(int status) {
    return switch (status) {
      case 400 -> "bad-request";
      case 401 -> "unauthorized";
      case 404 -> "not-found";
      case 405 -> "method-not-allowed";
      case 412 -> "precondition-failed";
      case 413 -> "too-large";
      case 415 -> "unsupported-media-type";
      case 429 -> "too-many-requests";
      default -> "internal-error";
    };
  }
}
