package dev.vigil.image;

import dev.vigil.layer.LayerPaths;
import dev.vigil.model.Digest;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarFile;

/**
 * The files of an uncompressed tar archive, read in place: opening scans the headers once (seeking
 * over contents), and each file is then read by seeking to its bytes. Nothing is extracted.
 */
final class TarArchiveFiles implements ImageFiles {

  /** Where a file's bytes lie in the archive. */
  private record Slice(long offset, long length) {}

  private final Path file;
  private final String component;
  private final Map<String, Slice> slices;
  private final Map<String, Digest> digests = new ConcurrentHashMap<>();

  private TarArchiveFiles(Path file, String component, Map<String, Slice> slices) {
    this.file = file;
    this.component = component;
    this.slices = slices;
  }

  /**
   * Scans the archive's headers.
   *
   * @throws ScanException when it is not a readable tar or a file's bytes run past its end
   */
  static TarArchiveFiles open(Path file, String component) throws IOException {
    long length = Files.size(file);
    Map<String, Slice> slices = new HashMap<>();
    try (TarFile tar = new TarFile(file, "UTF-8")) {
      for (TarArchiveEntry entry : tar.getEntries()) {
        Optional<String> name = LayerPaths.normalize(entry.getName());
        if (entry.isSymbolicLink() || entry.isLink() || !entry.isFile() || name.isEmpty()) {
          continue;
        }
        Slice slice = new Slice(entry.getDataOffset(), entry.getSize());
        if (slice.offset() + slice.length() > length) {
          throw new ScanException(
              component + ": " + file + " is truncated inside " + entry.getName());
        }
        slices.put(name.get(), slice);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ScanException scan) {
        throw scan;
      }
      throw new ScanException(
          component + ": " + file + " is not a readable tar archive: " + e.getMessage(), e);
    }
    return new TarArchiveFiles(file, component, slices);
  }

  @Override
  public String location() {
    return file.toString();
  }

  @Override
  public boolean exists(String name) {
    return slices.containsKey(name);
  }

  @Override
  public InputStream open(String name) throws IOException {
    Slice slice = slices.get(name);
    if (slice == null) {
      throw new ScanException(component + ": " + file + " has no " + name);
    }
    return SliceInputStream.open(file, slice.offset(), slice.length());
  }

  @Override
  public Digest sha256(String name) throws IOException {
    Digest known = digests.get(name);
    if (known != null) {
      return known;
    }
    MessageDigest sha256 = Digest.newSha256();
    try (InputStream in = open(name)) {
      in.transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
    }
    Digest digest = Digest.sha256(sha256);
    digests.put(name, digest);
    return digest;
  }
}
