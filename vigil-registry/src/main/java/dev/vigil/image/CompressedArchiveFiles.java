package dev.vigil.image;

import dev.vigil.layer.Compression;
import dev.vigil.layer.LayerLimits;
import dev.vigil.layer.LayerPaths;
import dev.vigil.layer.SizeLimitedInputStream;
import dev.vigil.model.Digest;
import dev.vigil.spi.ScanException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The files of a compressed tar archive (e.g. a gzip'd docker save), read without extracting it.
 *
 * <p>Opening streams the archive once to list its files, hash each one, and keep small metadata
 * files (JSON documents, {@code oci-layout}, up to 64 KiB each) in memory. Any other file is read
 * by streaming the archive again up to that file: no temporary copies, at the price of
 * decompressing the archive's beginning once per layer read.
 */
final class CompressedArchiveFiles implements ImageFiles {
  private static final int CACHED_MAX = 64 * 1024;

  /**
   * One file of the archive.
   *
   * @param ordinal its position among the archive's entries
   * @param digest the sha256 of its bytes
   * @param cached its bytes when small metadata, else null
   */
  private record Item(int ordinal, Digest digest, byte[] cached) {}

  private final Path file;
  private final String component;
  private final Map<String, Item> items;

  private CompressedArchiveFiles(Path file, String component, Map<String, Item> items) {
    this.file = file;
    this.component = component;
    this.items = items;
  }

  /**
   * Streams the archive once to index it.
   *
   * @throws ScanException when it is not a readable compressed tar
   */
  static CompressedArchiveFiles open(Path file, String component) throws IOException {
    Map<String, Item> items = new HashMap<>();
    try (InputStream raw = Files.newInputStream(file);
        InputStream data = decompressed(raw, file, component);
        TarArchiveInputStream tar = new TarArchiveInputStream(data, "UTF-8")) {
      TarArchiveEntry entry;
      for (int ordinal = 0; (entry = tar.getNextEntry()) != null; ordinal++) {
        Optional<String> name = LayerPaths.normalize(entry.getName());
        if (entry.isSymbolicLink() || entry.isLink() || !entry.isFile() || name.isEmpty()) {
          continue;
        }
        items.put(name.get(), index(tar, ordinal, name.get()));
      }
      data.transferTo(OutputStream.nullOutputStream());
    } catch (IOException | RuntimeException e) {
      throw unreadable(file, component, e);
    }
    return new CompressedArchiveFiles(file, component, items);
  }

  private static Item index(InputStream content, int ordinal, String name) throws IOException {
    MessageDigest sha256 = Digest.newSha256();
    DigestInputStream hashing = new DigestInputStream(content, sha256);
    byte[] cached = null;
    if (isMetadata(name)) {
      byte[] head = hashing.readNBytes(CACHED_MAX + 1);
      cached = head.length <= CACHED_MAX ? head : null;
    }
    hashing.transferTo(OutputStream.nullOutputStream());
    return new Item(ordinal, Digest.sha256(sha256), cached);
  }

  private static boolean isMetadata(String name) {
    return name.endsWith(".json") || name.equals("oci-layout") || name.startsWith("blobs/");
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public boolean exists(String name) {
    return items.containsKey(name);
  }

  @Override
  public InputStream open(String name) throws IOException {
    Item item = items.get(name);
    if (item == null) {
      throw new ScanException(component + ": " + file + " has no " + name);
    }
    if (item.cached() != null) {
      return new ByteArrayInputStream(item.cached());
    }
    TarArchiveInputStream tar = stream(file, component);
    try {
      for (int ordinal = 0; tar.getNextEntry() != null; ordinal++) {
        if (ordinal == item.ordinal()) {
          return tar;
        }
      }
      throw new ScanException(component + ": " + file + " changed while being read");
    } catch (IOException | RuntimeException e) {
      tar.close();
      throw unreadable(file, component, e);
    }
  }

  @Override
  public Digest sha256(String name) throws IOException {
    Item item = items.get(name);
    if (item == null) {
      throw new ScanException(component + ": " + file + " has no " + name);
    }
    return item.digest();
  }

  private static TarArchiveInputStream stream(Path file, String component) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      return new TarArchiveInputStream(decompressed(raw, file, component), "UTF-8");
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw unreadable(file, component, e);
    }
  }

  private static InputStream decompressed(InputStream raw, Path file, String component)
      throws IOException {
    long limit = LayerLimits.configured().maxUncompressedBytes();
    String message = component + ": " + file + " decompresses to more than " + limit + " bytes";
    return new SizeLimitedInputStream(Compression.decompress(raw), limit, message);
  }

  private static ScanException unreadable(Path file, String component, Exception e) {
    if (e instanceof ScanException scan) {
      return scan;
    }
    return new ScanException(
        component + ": " + file + " is not a readable tar archive: " + e.getMessage(), e);
  }
}
