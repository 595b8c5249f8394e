package dev.vigil.layer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Passes bytes through unchanged while looking for byte strings in them, including across read
 * boundaries; {@link #found()} tells whether one went by (skipped bytes are not looked at). Not
 * thread-safe.
 */
final class MarkerSearch extends FilterInputStream {
  private final List<byte[]> markers;
  private final int keep;
  private byte[] tail = new byte[0];
  private boolean found;

  /** Watches {@code in} for any of the non-empty {@code markers}. */
  MarkerSearch(InputStream in, List<byte[]> markers) {
    super(in);
    this.markers = List.copyOf(markers);
    this.keep = markers.stream().mapToInt(m -> m.length - 1).max().orElse(0);
  }

  /** True once one of the markers has passed through. */
  boolean found() {
    return found;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      look(new byte[] {(byte) b}, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      look(buffer, offset, n);
    }
    return n;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void look(byte[] buffer, int offset, int length) {
    if (found) {
      return;
    }
    byte[] window = Arrays.copyOf(tail, tail.length + length);
    System.arraycopy(buffer, offset, window, tail.length, length);
    for (byte[] marker : markers) {
      if (indexOf(window, marker) >= 0) {
        found = true;
        return;
      }
    }
    tail = Arrays.copyOfRange(window, Math.max(0, window.length - keep), window.length);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
