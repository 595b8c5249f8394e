package dev.vigil.server.http;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Content negotiation as Clair does it: without {@code Accept} the first allowed type; otherwise
 * the allowed type matching the most preferred accepted range, or 415.
 */
public final class MediaTypes {
  private MediaTypes() {}

  /** An accepted range and its quality. */
  private record Range(String type, String subtype, double q) {
    boolean matches(String mediaType) {
      int slash = mediaType.indexOf('/');
      return (type.equals("*") && subtype.equals("*"))
          || (type.equals(mediaType.substring(0, slash))
              && (subtype.equals("*") || subtype.equals(mediaType.substring(slash + 1))));
    }
  }

  /**
   * The response media type for a request.
   *
   * @param allowed the types the endpoint can write, preferred first
   * @throws ApiException 415 when none is acceptable, 400 when {@code Accept} is malformed
   */
  public static String negotiate(Context ctx, String... allowed) {
    String accept = ctx.header("Accept");
    if (accept == null || accept.isBlank()) {
      return allowed[0];
    }
    List<Range> ranges = new ArrayList<>();
    for (String part : accept.split(",")) {
      ranges.add(parse(part.trim()));
    }
    ranges.sort(Comparator.comparingDouble(Range::q).reversed());
    for (Range range : ranges) {
      for (String type : allowed) {
        if (range.matches(type)) {
          return type;
        }
      }
    }
    throw ApiException.unsupportedMediaType(
        "unable to negotiate common media type for " + String.join(", ", allowed));
  }

  /**
   * Checks a request body's {@code Content-Type}: absent, or one of {@code allowed}.
   *
   * @throws ApiException 415 otherwise
   */
  public static void requireBody(Context ctx, String... allowed) {
    String type = ctx.header("Content-Type");
    if (type == null || type.isBlank()) {
      return;
    }
    String bare = type.split(";")[0].trim().toLowerCase(Locale.ROOT);
    for (String candidate : allowed) {
      if (candidate.equals(bare)) {
        return;
      }
    }
    throw ApiException.unsupportedMediaType(
        "unsupported content type " + bare + " (use " + String.join(" or ", allowed) + ")");
  }

  private static Range parse(String part) {
    String[] params = part.split(";");
    String mediaType = params[0].trim().toLowerCase(Locale.ROOT);
    int slash = mediaType.indexOf('/');
    if (slash <= 0 || slash == mediaType.length() - 1) {
      throw ApiException.badRequest("malformed Accept header: '" + part + "'");
    }
    double q = 1.0;
    for (int i = 1; i < params.length; i++) {
      String param = params[i].trim();
      if (param.startsWith("q=")) {
        try {
          q = Double.parseDouble(param.substring(2));
        } catch (NumberFormatException e) {
          throw ApiException.badRequest("malformed Accept header: '" + part + "'");
        }
      }
    }
    return new Range(mediaType.substring(0, slash), mediaType.substring(slash + 1), q);
  }
}
