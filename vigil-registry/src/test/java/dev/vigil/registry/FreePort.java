package dev.vigil.registry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** A loopback port nothing listens on (free when asked), for a registry that is down. */
public final class FreePort {
  private FreePort() {}

  /** Binds an ephemeral port on 127.0.0.1, closes it, and returns its number. */
  public static int find() throws IOException {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress("127.0.0.1", 0));
      return socket.getLocalPort();
    }
  }
}
