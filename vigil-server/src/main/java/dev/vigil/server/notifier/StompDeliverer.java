package dev.vigil.server.notifier;

import dev.vigil.datastore.NotificationStore;
import dev.vigil.server.config.ServerConfig;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clair's STOMP 1.2 deliverer: connects to the first broker that answers, sends every message to
 * the destination with a receipt requested, and counts a set delivered once the broker has
 * acknowledged every receipt.
 *
 * <p>Thread-safe: each delivery uses its own connection.
 */
public final class StompDeliverer extends QueueDeliverer<String> {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final ServerConfig.Stomp config;

  /** A deliverer for {@code config}, reading direct notifications from {@code store}. */
  public StompDeliverer(ServerConfig.Stomp config, NotificationStore store) {
    super(store, config.uris(), config.direct(), config.rollup(), config.callback());
    this.config = config;
  }

  @Override
  public String name() {
    return "stomp";
  }

  @Override
  void send(String address, List<byte[]> bodies) throws IOException {
    int colon = address.lastIndexOf(':');
    if (colon < 0) {
      throw new IOException("stomp: '" + address + "' is not host:port");
    }
    String host = address.substring(0, colon);
    int port;
    try {
      port = Integer.parseInt(address.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IOException("stomp: '" + address + "' is not host:port", e);
    }
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), (int) TIMEOUT.toMillis());
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = new BufferedOutputStream(socket.getOutputStream());
      Map<String, String> connect = new LinkedHashMap<>();
      connect.put("accept-version", "1.2");
      connect.put("host", "/");
      connect.put("heart-beat", "0,0");
      if (!config.login().isEmpty()) {
        connect.put("login", config.login());
        connect.put("passcode", config.passcode());
      }
      new StompFrame("CONNECT", connect, new byte[0]).write(out);
      expect(in, "CONNECTED", null);
      int receipt = 0;
      for (byte[] body : bodies) {
        String id = "vigil-" + ++receipt;
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", config.destination());
        headers.put("content-type", "application/json");
        headers.put("content-length", Integer.toString(body.length));
        headers.put("persistent", "true");
        headers.put("receipt", id);
        new StompFrame("SEND", headers, body).write(out);
        expect(in, "RECEIPT", id);
      }
      new StompFrame("DISCONNECT", Map.of("receipt", "vigil-bye"), new byte[0]).write(out);
      expect(in, "RECEIPT", "vigil-bye");
    }
  }

  /** Reads the next frame, failing unless it is {@code command} (with this receipt id). */
  private static void expect(InputStream in, String command, String receipt) throws IOException {
    StompFrame frame = StompFrame.read(in);
    if (frame.command().equals("ERROR")) {
      throw new IOException(
          "stomp: broker error: "
              + frame.headers().getOrDefault("message", "")
              + " "
              + new String(frame.body(), StandardCharsets.UTF_8).trim());
    }
    if (!frame.command().equals(command)
        || (receipt != null && !receipt.equals(frame.headers().get("receipt-id")))) {
      throw new IOException("stomp: expected " + command + ", got " + frame.command());
    }
  }
}
