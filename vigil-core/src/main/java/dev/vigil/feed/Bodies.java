package dev.vigil.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Copies bodies with a size limit, writing files atomically (temp file in place, then move). */
final class Bodies {
  private static final int BUFFER = 64 * 1024;

  private Bodies() {}

  /**
   * Writes {@code in} to {@code target} through a temporary file beside it, so readers never see a
   * partial file and a failed copy leaves the old one in place.
   *
   * @param what the request, for error messages, e.g. {@code GET https://…}
   */
  static void writeAtomically(InputStream in, Path target, long maxBytes, String what)
      throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path temp = Files.createTempFile(parent, "." + target.getFileName(), ".part");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        copy(in, out, maxBytes, what);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Reads all of {@code in}, failing once it exceeds {@code maxBytes}. */
  static byte[] readAll(InputStream in, long maxBytes, String what) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    copy(in, out, maxBytes, what);
    return out.toByteArray();
  }

  /** Fails when a declared or actual length exceeds {@code maxBytes}. */
  static void checkLength(long length, long maxBytes, String what) throws IOException {
    if (length > maxBytes) {
      throw new IOException(
          "feed: " + what + " body exceeds the limit of " + maxBytes + " bytes (" + length + ")");
    }
  }

  private static void copy(InputStream in, OutputStream out, long maxBytes, String what)
      throws IOException {
    byte[] buffer = new byte[BUFFER];
    long total = 0;
    for (int n = read(in, buffer, total, what); n >= 0; n = read(in, buffer, total, what)) {
      total += n;
      checkLength(total, maxBytes, what);
      out.write(buffer, 0, n);
    }
  }

  /** Reads from a body, naming the request when the connection breaks off mid-body. */
  private static int read(InputStream in, byte[] buffer, long total, String what)
      throws IOException {
    try {
      return in.read(buffer);
    } catch (SocketTimeoutException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException(
          "feed: " + what + ": the body broke off after " + total + " bytes: " + e.getMessage(), e);
    }
  }
}
