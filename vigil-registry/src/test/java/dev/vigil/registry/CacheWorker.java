package dev.vigil.registry;

import dev.vigil.model.Digest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A separate process for {@link LayerCacheTest}: stores a fixed set of blobs into a small shared
 * cache in its own order and reads each back, so two of them race on moves and trims.
 */
public final class CacheWorker {
  static final int BLOBS = 24;
  static final int BLOB_SIZE = 100_000;

  private CacheWorker() {}

  /** The content of blob {@code i}: the same in every process. */
  static byte[] blob(int i) {
    byte[] bytes = new byte[BLOB_SIZE];
    new Random(i).nextBytes(bytes);
    return bytes;
  }

  /** Arguments: the cache directory, the cache bound in bytes, and a seed for the order. */
  public static void main(String[] args) throws IOException {
    LayerCache cache = new LayerCache(Path.of(args[0]), Long.parseLong(args[1]), Duration.ZERO);
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < BLOBS; i++) {
      order.add(i);
    }
    Collections.shuffle(order, new Random(Long.parseLong(args[2])));
    int readBack = 0;
    for (int i : order) {
      byte[] bytes = blob(i);
      Digest digest = Digest.sha256(bytes);
      cache.store(digest, new ByteArrayInputStream(bytes));
      try (InputStream in = cache.open(digest)) {
        in.transferTo(java.io.OutputStream.nullOutputStream());
        readBack++;
      } catch (NoSuchFileException evictedByTheOtherProcess) {
        // a blob trimmed between store and open is what a shared bounded cache allows
      }
    }
    System.out.println("stored " + BLOBS + " read " + readBack);
  }
}
