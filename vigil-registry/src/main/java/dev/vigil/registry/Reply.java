package dev.vigil.registry;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * A response whose body is still to be read: the caller closes it.
 *
 * @param status the HTTP status code
 * @param uri the URI that answered, after redirects
 * @param headers the response headers
 * @param body the body, guarded by the read timeout
 */
record Reply(int status, URI uri, HttpHeaders headers, InputStream body) implements Closeable {

  /** The first value of a header, if present. */
  Optional<String> header(String name) {
    return headers.firstValue(name);
  }

  /** Closes the body without reading the rest. */
  @Override
  public void close() throws IOException {
    body.close();
  }
}
