package dev.vigil.layer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The content of a file kept from a layer: in memory when small, else in a spool file that {@link
 * #delete} removes. Thread-safe for reading.
 */
public final class StoredFile {
  private final byte[] bytes;
  private final Path spool;
  private final long size;

  private StoredFile(byte[] bytes, Path spool, long size) {
    this.bytes = bytes;
    this.spool = spool;
    this.size = size;
  }

  /**
   * Reads {@code content} to its end, keeping up to {@code inMemoryLimit} bytes in memory and
   * spooling anything larger to a new file in {@code spoolDir}.
   *
   * @throws IOException when reading the content or writing the spool file fails
   */
  static StoredFile store(InputStream content, int inMemoryLimit, Path spoolDir)
      throws IOException {
    byte[] head = content.readNBytes(inMemoryLimit + 1);
    if (head.length <= inMemoryLimit) {
      return new StoredFile(head, null, head.length);
    }
    Path spool = Files.createTempFile(spoolDir, "vigil-layer-", ".file");
    try (OutputStream out = Files.newOutputStream(spool)) {
      out.write(head);
      long size = head.length + content.transferTo(out);
      return new StoredFile(null, spool, size);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(spool);
      throw e;
    }
  }

  /** The content length in bytes. */
  public long size() {
    return size;
  }

  /** True when the content lives in a spool file rather than in memory. */
  public boolean spooled() {
    return spool != null;
  }

  /** Opens the content as a new stream. */
  public InputStream open() throws IOException {
    return spool == null ? new ByteArrayInputStream(bytes) : Files.newInputStream(spool);
  }

  /** Reads the whole content. */
  public byte[] readAllBytes() throws IOException {
    return spool == null ? bytes.clone() : Files.readAllBytes(spool);
  }

  /** Removes the spool file, if any; reading afterwards fails. */
  void delete() throws IOException {
    if (spool != null) {
      Files.deleteIfExists(spool);
    }
  }
}
