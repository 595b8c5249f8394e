package dev.vigil.server.config;

/**
 * A listen address as Clair writes it, {@code host:port} with an optional host.
 *
 * @param host the host or IP to bind, empty for every interface
 * @param port the port, 0 for any free one
 */
public record ListenAddress(String host, int port) {

  /**
   * Parses {@code host:port}, {@code :port} or {@code [v6]:port}; the text is validated already.
   */
  public static ListenAddress parse(String text) {
    int colon = text.lastIndexOf(':');
    String host = text.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new ListenAddress(host, Integer.parseInt(text.substring(colon + 1)));
  }

  /** The host to bind: every interface when none is named. */
  public String bindHost() {
    return host.isEmpty() ? "0.0.0.0" : host;
  }
}
