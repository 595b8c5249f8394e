package dev.vigil.ecosystem.lang;

import dev.vigil.layer.SizeLimitedInputStream;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Streams through a zip archive and the archives nested in it, without temporary files, within
 * {@link ArchiveLimits}: entries the caller does not want are skipped over compressed when their
 * size is known (else inflated, and counted, to find their end), nested archives are read from the
 * stream of their entry. Not thread-safe; one walk per instance.
 */
public final class NestedZip {

  /** Receives the small entries a walk reads. */
  @FunctionalInterface
  public interface Sink {
    /**
     * Takes one entry.
     *
     * @param archive the archive holding it: the top path, then {@code !/NAME} per nesting level
     * @param name the entry's name inside that archive
     * @param content the entry's content, at most {@link LanguageFileScanner#MAX_METADATA_SIZE}
     */
    void accept(String archive, String name, byte[] content) throws IOException;
  }

  private final ArchiveLimits limits;
  private final Predicate<String> reads;
  private final Predicate<String> descends;
  private final AtomicLong decompressed = new AtomicLong();
  private long entries;

  /**
   * A walk that reads the entries whose name {@code reads} accepts and descends into those {@code
   * descends} accepts.
   */
  public NestedZip(ArchiveLimits limits, Predicate<String> reads, Predicate<String> descends) {
    this.limits = limits;
    this.reads = reads;
    this.descends = descends;
  }

  /**
   * Walks the archive {@code in}, found at {@code path}.
   *
   * @throws ScanException when the archive is malformed or goes beyond a limit: the whole archive
   *     is then to be refused
   * @throws IOException when reading fails
   */
  public void walk(InputStream in, String path, Sink sink) throws IOException {
    String message =
        "refused: more than "
            + limits.maxBytes()
            + " bytes decompressed from the archive and its nested archives (a zip bomb?)";
    walk(in, path, 0, sink, message);
  }

  private void walk(InputStream in, String archive, int depth, Sink sink, String bombMessage)
      throws IOException {
    if (depth > limits.maxDepth()) {
      throw new ScanException(
          "refused: archives nested more than " + limits.maxDepth() + " levels deep");
    }
    ZipArchiveInputStream zip =
        new ZipArchiveInputStream(in, StandardCharsets.UTF_8.name(), true, true);
    ZipArchiveEntry entry;
    while ((entry = zip.getNextEntry()) != null) {
      if (++entries > limits.maxEntries()) {
        throw new ScanException(
            "refused: more than " + limits.maxEntries() + " entries in the nested archives");
      }
      if (entry.isDirectory()) {
        continue;
      }
      String name = entry.getName();
      InputStream content =
          new SizeLimitedInputStream(zip, limits.maxBytes(), bombMessage, decompressed);
      if (reads.test(name)) {
        sink.accept(archive, name, LanguageFileScanner.readSmall(content));
      } else if (descends.test(name)) {
        walk(content, archive + "!/" + name, depth + 1, sink, bombMessage);
      } else if (entry.getGeneralPurposeBit().usesDataDescriptor()) {
        // its end is found only by inflating it: that work counts too
        content.transferTo(OutputStream.nullOutputStream());
      }
    }
  }
}
