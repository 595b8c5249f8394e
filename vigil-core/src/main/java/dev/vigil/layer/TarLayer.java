package dev.vigil.layer;

import dev.vigil.model.Digest;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A layer stored as a tar blob, plain, gzip or zstd compressed (recognized by magic bytes). Each
 * {@link #read} opens the blob afresh and streams it once.
 *
 * <p>A corrupt or truncated blob, or one whose uncompressed stream exceeds the size limit, fails
 * with a {@link ScanException} that names the layer digest. After the tar's end the rest of the
 * uncompressed stream and then of the blob itself are read, so a truncated compressed blob is
 * noticed even when its tar part is whole, and an opener whose stream checks the blob's digest at
 * its end sees every byte. Thread-safe: concurrent reads open independent streams.
 */
public final class TarLayer implements LayerSource {

  /** The default limit on a layer's uncompressed size: 64 GiB. */
  public static final long DEFAULT_MAX_UNCOMPRESSED = 64L << 30;

  private static final InputStream NO_CONTENT = InputStream.nullInputStream();

  private final Digest digest;
  private final BlobOpener opener;
  private final long maxUncompressed;

  /** A layer with the default uncompressed size limit. */
  public TarLayer(Digest digest, BlobOpener opener) {
    this(digest, opener, DEFAULT_MAX_UNCOMPRESSED);
  }

  /**
   * A layer whose uncompressed stream may be at most {@code maxUncompressed} bytes long.
   *
   * @param digest the blob's digest
   * @param opener opens the blob as stored
   * @param maxUncompressed the most uncompressed bytes a read accepts
   */
  public TarLayer(Digest digest, BlobOpener opener, long maxUncompressed) {
    if (maxUncompressed <= 0) {
      throw new IllegalArgumentException("layer: the size limit must be positive");
    }
    this.digest = digest;
    this.opener = opener;
    this.maxUncompressed = maxUncompressed;
  }

  /** A layer read from a file, e.g. a root filesystem tarball. */
  public static TarLayer ofFile(Digest digest, Path file) {
    return new TarLayer(digest, () -> Files.newInputStream(file));
  }

  @Override
  public Digest digest() {
    return digest;
  }

  /** Opens the blob as stored (compressed or not), e.g. to upload it; the caller closes it. */
  public InputStream openBlob() throws IOException {
    return opener.open();
  }

  @Override
  public void read(LayerEntry.Visitor visitor) throws IOException {
    try (InputStream raw = opener.open();
        InputStream data = limited(decompress(raw));
        TarArchiveInputStream tar = new TarArchiveInputStream(data, "UTF-8")) {
      TarArchiveEntry entry;
      while ((entry = next(tar)) != null) {
        visitor.visit(toEntry(entry, tar));
      }
      drain(data);
      drain(raw);
    }
  }

  private InputStream decompress(InputStream raw) throws ScanException {
    try {
      return Compression.decompress(raw);
    } catch (IOException | RuntimeException e) {
      throw corrupt("cannot decompress", e);
    }
  }

  private InputStream limited(InputStream data) {
    String message =
        "layer "
            + digest
            + ": uncompressed size exceeds the limit of "
            + maxUncompressed
            + " bytes";
    return new SizeLimitedInputStream(data, maxUncompressed, message);
  }

  private TarArchiveEntry next(TarArchiveInputStream tar) throws ScanException {
    try {
      return tar.getNextEntry();
    } catch (IOException | RuntimeException e) {
      throw corrupt("bad tar stream", e);
    }
  }

  private void drain(InputStream data) throws ScanException {
    try {
      data.transferTo(OutputStream.nullOutputStream());
    } catch (IOException | RuntimeException e) {
      throw corrupt("bad data after the tar end", e);
    }
  }

  private LayerEntry toEntry(TarArchiveEntry entry, TarArchiveInputStream tar) {
    String path = entry.getName();
    if (entry.isSymbolicLink()) {
      return new LayerEntry(path, LayerEntry.Type.SYMLINK, entry.getLinkName(), 0, NO_CONTENT);
    }
    if (entry.isLink()) {
      return new LayerEntry(path, LayerEntry.Type.HARDLINK, entry.getLinkName(), 0, NO_CONTENT);
    }
    if (entry.isDirectory()) {
      return new LayerEntry(path, LayerEntry.Type.DIRECTORY, "", 0, NO_CONTENT);
    }
    if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO() || !entry.isFile()) {
      return new LayerEntry(path, LayerEntry.Type.OTHER, "", 0, NO_CONTENT);
    }
    InputStream content = new EntryContent(tar, this, path);
    return new LayerEntry(path, LayerEntry.Type.FILE, "", entry.getRealSize(), content);
  }

  /** The layer as {@code TarLayer[digest]}. */
  @Override
  public String toString() {
    return "TarLayer[" + digest + "]";
  }

  /**
   * The exception for a corrupt layer: a size-limit failure found among the causes wins, so its
   * message reaches the user unchanged.
   */
  ScanException corrupt(String what, Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ScanException scan) {
        return scan;
      }
    }
    return new ScanException("layer " + digest + ": " + what + ": " + describe(e), e);
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
