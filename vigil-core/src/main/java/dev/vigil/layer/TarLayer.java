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
import org.apache.commons.io.input.BoundedInputStream;

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

  private static final InputStream NO_CONTENT = InputStream.nullInputStream();
  private static final int ANY_EXECUTE = 0111;
  private static final int SKIP_BUFFER_SIZE = 64 << 10;

  private final Digest digest;
  private final BlobOpener opener;
  private final LayerLimits limits;

  /** A layer read within the {@linkplain LayerLimits#configured() configured limits}. */
  public TarLayer(Digest digest, BlobOpener opener) {
    this(digest, opener, LayerLimits.configured());
  }

  /**
   * A layer whose uncompressed stream may be at most {@code maxUncompressed} bytes long, within the
   * configured limits otherwise.
   *
   * @param digest the blob's digest
   * @param opener opens the blob as stored
   * @param maxUncompressed the most uncompressed bytes a read accepts
   */
  public TarLayer(Digest digest, BlobOpener opener, long maxUncompressed) {
    this(digest, opener, LayerLimits.configured().withMaxUncompressedBytes(maxUncompressed));
  }

  /**
   * A layer read within {@code limits}.
   *
   * @param digest the blob's digest
   * @param opener opens the blob as stored
   * @param limits the bounds on size, expansion ratio and entry count
   */
  public TarLayer(Digest digest, BlobOpener opener, LayerLimits limits) {
    this.digest = digest;
    this.opener = opener;
    this.limits = limits;
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
    try (BoundedInputStream raw = BoundedInputStream.builder().setInputStream(opener.open()).get();
        InputStream data = limited(decompress(raw), raw);
        TarArchiveInputStream tar = new TarArchiveInputStream(data, "UTF-8")) {
      long entries = 0;
      byte[] skipBuffer = new byte[SKIP_BUFFER_SIZE];
      TarArchiveEntry entry;
      while ((entry = next(tar, skipBuffer)) != null) {
        if (++entries > limits.maxEntries()) {
          throw new ScanException(
              "layer " + digest + ": more than " + limits.maxEntries() + " entries");
        }
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

  private InputStream limited(InputStream data, BoundedInputStream raw) {
    String tooBig =
        "layer "
            + digest
            + ": uncompressed size exceeds the limit of "
            + limits.maxUncompressedBytes()
            + " bytes";
    String tooDense =
        "layer "
            + digest
            + ": expands more than "
            + limits.maxExpansionRatio()
            + ":1 (a decompression bomb?)";
    InputStream dense =
        new ExpansionLimitedInputStream(
            data, raw::getCount, limits.maxExpansionRatio(), limits.ratioFloor(), tooDense);
    return new SizeLimitedInputStream(dense, limits.maxUncompressedBytes(), tooBig);
  }

  /**
   * The next entry, after reading what the visitor left of the current one into {@code skipBuffer}:
   * commons-compress would skip it through a new 8 KiB array per 8 KiB skipped (IOUtils.skip),
   * which was a quarter of a scan's samples in a profile (docs/BENCHMARKS.md).
   */
  private TarArchiveEntry next(TarArchiveInputStream tar, byte[] skipBuffer) throws ScanException {
    try {
      if (tar.getCurrentEntry() != null) {
        while (tar.read(skipBuffer, 0, skipBuffer.length) >= 0) {
          // the rest of the entry nobody read
        }
      }
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
    boolean executable = (entry.getMode() & ANY_EXECUTE) != 0;
    return new LayerEntry(path, LayerEntry.Type.FILE, "", entry.getRealSize(), content, executable);
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
