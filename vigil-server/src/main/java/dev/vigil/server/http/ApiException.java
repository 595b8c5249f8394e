package dev.vigil.server.http;

/**
 * A request that ends with an error response: a status and a message, written as Clair's {@code
 * {"code","message"}} body.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** An error answered with {@code status}. */
  public ApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** 400: the request is malformed. */
  public static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  /** 404: the resource does not exist. */
  public static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  /** 415: no common media type. */
  public static ApiException unsupportedMediaType(String message) {
    return new ApiException(415, message);
  }
}
