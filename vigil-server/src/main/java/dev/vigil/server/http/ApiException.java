package dev.vigil.server.http;

/**
 * A request that ends with an error response: a status and a message, written as Clair's {@code
 * {"code","message"}} body.
 */
public class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  /** An error answered with {@code status} and the status's usual code. */
  public ApiException(int status, String message) {
    this(status, Responses.code(status), message);
  }

  /** An error answered with {@code status} and Vigil's own {@code code}. */
  public ApiException(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The error code of the body. */
  public String code() {
    return code;
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
