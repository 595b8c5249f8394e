package dev.vigil.server.notifier;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One STOMP 1.2 frame: a command line, header lines and a body ended by NUL. Header values are
 * escaped as 1.2 requires (except in CONNECT and CONNECTED frames); a body is read by its {@code
 * content-length} when given, else up to the NUL. Frames larger than {@value #MAX_BYTES} bytes are
 * refused.
 *
 * @param command the command, e.g. {@code SEND}
 * @param headers the headers in order (the first of repeated headers wins when reading)
 * @param body the body
 */
record StompFrame(String command, Map<String, String> headers, byte[] body) {
  static final int MAX_BYTES = 1 << 20;

  /** Copies the headers. */
  StompFrame {
    headers = new LinkedHashMap<>(headers);
  }

  /** Writes the frame and flushes. */
  void write(OutputStream out) throws IOException {
    boolean escape = !command.equals("CONNECT") && !command.equals("CONNECTED");
    StringBuilder head = new StringBuilder(command).append('\n');
    headers.forEach(
        (name, value) ->
            head.append(escape ? escape(name) : name)
                .append(':')
                .append(escape ? escape(value) : value)
                .append('\n'));
    head.append('\n');
    out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    out.write(body);
    out.write(0);
    out.flush();
  }

  /** Reads the next frame, skipping heart-beat newlines. */
  static StompFrame read(InputStream in) throws IOException {
    String command = line(in);
    while (command.isEmpty()) {
      command = line(in);
    }
    boolean escaped = !command.equals("CONNECTED");
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IOException("stomp: malformed header line: " + line);
      }
      String name = line.substring(0, colon);
      String value = line.substring(colon + 1);
      headers.putIfAbsent(escaped ? unescape(name) : name, escaped ? unescape(value) : value);
    }
    byte[] body;
    String length = headers.get("content-length");
    if (length != null) {
      int size;
      try {
        size = Integer.parseInt(length.trim());
      } catch (NumberFormatException e) {
        throw new IOException("stomp: bad content-length " + length, e);
      }
      if (size < 0 || size > MAX_BYTES) {
        throw new IOException("stomp: content-length " + size + " out of range");
      }
      body = in.readNBytes(size);
      if (body.length != size || in.read() != 0) {
        throw new IOException("stomp: frame body not ended by NUL");
      }
    } else {
      body = until(in, 0);
    }
    return new StompFrame(command, headers, body);
  }

  private static String line(InputStream in) throws IOException {
    byte[] bytes = until(in, '\n');
    int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
    return new String(bytes, 0, end, StandardCharsets.UTF_8);
  }

  private static byte[] until(InputStream in, int stop) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int b = in.read(); b != stop; b = in.read()) {
      if (b < 0) {
        throw new EOFException("stomp: connection closed mid-frame");
      }
      if (bytes.size() == MAX_BYTES) {
        throw new IOException("stomp: frame too large");
      }
      bytes.write(b);
    }
    return bytes.toByteArray();
  }

  static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace(":", "\\c");
  }

  static String unescape(String text) throws IOException {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i == text.length()) {
        throw new IOException("stomp: header ends in an escape");
      }
      out.append(
          switch (text.charAt(i)) {
            case '\\' -> '\\';
            case 'r' -> '\r';
            case 'n' -> '\n';
            case 'c' -> ':';
            default -> throw new IOException("stomp: undefined escape \\" + text.charAt(i));
          });
    }
    return out.toString();
  }
}
