package dev.vigil.server.fetch;

import dev.vigil.layer.SizeLimitedInputStream;
import dev.vigil.model.Digest;
import dev.vigil.registry.LayerCache;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Layer blobs that clients upload, for layers the server cannot fetch itself: they go to the same
 * content-addressed layer store as fetched layers, each checked against its digest and its size
 * bound while it streams and kept only when whole and matching, so an index run finds them there
 * instead of fetching. A blob the store holds is not taken again. Thread-safe.
 */
public final class LayerUploads {
  private final LayerCache store;
  private final long maxBytes;

  /** Uploads into {@code store}, each at most {@code maxBytes} long. */
  public LayerUploads(LayerCache store, long maxBytes) {
    this.store = store;
    this.maxBytes = maxBytes;
  }

  /** The largest blob accepted. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Those of {@code digests} the store lacks, in order. */
  public List<Digest> missing(List<Digest> digests) {
    return digests.stream().distinct().filter(d -> store.find(d).isEmpty()).toList();
  }

  /**
   * Stores the blob of {@code digest} from {@code body}, unless the store holds it already.
   *
   * @return true when stored now, false when it was there already (the body is left unread)
   * @throws ScanException when the bytes do not match the digest or exceed the size bound; nothing
   *     is kept
   * @throws IOException when reading the body or writing the store fails; nothing is kept
   */
  public boolean store(Digest digest, InputStream body) throws IOException {
    if (!digest.algorithm().equals("sha256")) {
      throw new ScanException("upload: only sha256 layer digests are accepted, not " + digest);
    }
    if (store.find(digest).isPresent()) {
      return false;
    }
    String tooLarge =
        "upload: layer " + digest + " is larger than the " + maxBytes + " bytes allowed";
    store.store(digest, new SizeLimitedInputStream(body, maxBytes, tooLarge));
    return true;
  }
}
