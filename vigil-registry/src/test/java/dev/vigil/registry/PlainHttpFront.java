package dev.vigil.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;

/**
 * A TCP relay in front of a plain-HTTP test server that, like Go's HTTP server, drops a TLS
 * ClientHello at once: the JDK's HttpServer would instead wait for a request line, so a client that
 * tries https first would wait for its whole timeout before falling back to http.
 */
final class PlainHttpFront implements AutoCloseable {
  private static final int TLS_HANDSHAKE = 0x16;

  private final ServerSocket socket;
  private final int target;
  private final ExecutorService threads;

  private PlainHttpFront(ServerSocket socket, int target, ExecutorService threads) {
    this.socket = socket;
    this.target = target;
    this.threads = threads;
  }

  /** Relays connections on a new loopback port to {@code target}, using {@code threads}. */
  static PlainHttpFront start(int target, ExecutorService threads) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.bind(new InetSocketAddress("127.0.0.1", 0));
    PlainHttpFront front = new PlainHttpFront(socket, target, threads);
    threads.execute(front::accept);
    return front;
  }

  int port() {
    return socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        threads.execute(() -> relay(client));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void relay(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      int first = in.read();
      if (first < 0 || first == TLS_HANDSHAKE) {
        return;
      }
      try (Socket server = new Socket("127.0.0.1", target)) {
        OutputStream toServer = server.getOutputStream();
        toServer.write(first);
        threads.execute(() -> pump(server, client));
        pump(client, server);
      }
    } catch (IOException e) {
      // a connection ending badly is what some faults are about
    }
  }

  private static void pump(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      closeQuietly(to);
    }
  }

  private static void closeQuietly(java.io.Closeable socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // already gone
    }
  }

  @Override
  public void close() {
    closeQuietly(socket);
  }
}
