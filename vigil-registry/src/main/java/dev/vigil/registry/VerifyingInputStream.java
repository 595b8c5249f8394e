package dev.vigil.registry;

import dev.vigil.layer.ReadingSkip;
import dev.vigil.model.Digest;
import dev.vigil.spi.ScanException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Hashes a blob as it streams and, on reaching its end, fails with a {@link ScanException} when the
 * bytes do not match the expected digest (as jib's BlobPuller does). A stream closed before its end
 * is not checked.
 */
public final class VerifyingInputStream extends FilterInputStream {
  private final Digest expected;
  private final String component;
  private final MessageDigest hash;
  private boolean checked;

  /** Hashes {@code in} as it is read; a mismatch at its end names {@code component}. */
  public VerifyingInputStream(InputStream in, Digest expected, String component) {
    super(in);
    this.expected = expected;
    this.component = component;
    this.hash = newHash(expected);
  }

  /**
   * Checks a blob read whole.
   *
   * @throws ScanException when {@code bytes} do not match {@code expected}
   */
  public static void check(byte[] bytes, Digest expected, String component) throws ScanException {
    MessageDigest hash = newHash(expected);
    hash.update(bytes);
    compare(hash, expected, component);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b < 0) {
      atEnd();
    } else {
      hash.update((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n < 0) {
      atEnd();
    } else {
      hash.update(buffer, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    return ReadingSkip.skip(this, n);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void atEnd() throws ScanException {
    if (!checked) {
      checked = true;
      compare(hash, expected, component);
    }
  }

  private static void compare(MessageDigest hash, Digest expected, String component)
      throws ScanException {
    String actual = HexFormat.of().formatHex(hash.digest());
    if (!actual.equals(expected.hex())) {
      throw new ScanException(
          component
              + ": blob "
              + expected
              + " does not match its digest (its content hashes to "
              + expected.algorithm()
              + ":"
              + actual
              + ")");
    }
  }

  private static MessageDigest newHash(Digest digest) {
    String algorithm = digest.algorithm().equals("sha512") ? "SHA-512" : "SHA-256";
    try {
      return MessageDigest.getInstance(algorithm);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks " + algorithm, e);
    }
  }
}
