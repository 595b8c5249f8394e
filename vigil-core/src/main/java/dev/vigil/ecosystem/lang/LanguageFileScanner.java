package dev.vigil.ecosystem.lang;

import dev.vigil.model.Package;
import dev.vigil.spi.FileTree;
import dev.vigil.spi.FoundPackage;
import dev.vigil.spi.PackageScanner;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A language package scanner that reads its files one by one, wherever they lie in the tree: every
 * file its {@link #files()} filter wants is handed to {@link #scanFile}. A file that cannot be read
 * (malformed, too large, an archive beyond its {@link ArchiveLimits}) becomes one warning line,
 * {@code NAME: PATH: PROBLEM}, and the other files are still scanned.
 *
 * <p>Subclasses are stateless and thread-safe.
 */
public abstract class LanguageFileScanner implements PackageScanner {

  /** The largest metadata file (1 MiB) a scanner reads: package.json, METADATA, a gemspec. */
  public static final int MAX_METADATA_SIZE = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(LanguageFileScanner.class);

  /**
   * The packages one file holds.
   *
   * @param path the file's path in the tree, one that {@link #candidates} listed
   * @throws ScanException when the file is malformed or beyond a limit
   * @throws IOException when reading it fails
   */
  protected abstract List<FoundPackage> scanFile(FileTree tree, String path) throws IOException;

  /** The files to scan: by default every file of the tree that {@link #files()} wants. */
  protected List<String> candidates(FileTree tree) {
    return tree.list("").stream().filter(files()::wants).toList();
  }

  @Override
  public final List<FoundPackage> scan(FileTree tree) throws IOException {
    return scan(tree, warning -> LOG.atWarn().setMessage(warning).log());
  }

  @Override
  public final List<FoundPackage> scan(FileTree tree, Consumer<String> warnings)
      throws IOException {
    List<FoundPackage> found = new ArrayList<>();
    for (String path : candidates(tree)) {
      try {
        found.addAll(scanFile(tree, path));
      } catch (IOException | RuntimeException e) {
        warnings.accept(name() + ": " + path + ": " + e.getMessage());
      }
    }
    return found;
  }

  /** Reads the package a metadata file names. */
  @FunctionalInterface
  protected interface MetadataParser {
    /**
     * The package {@code metadata} names, or empty when it names none.
     *
     * @throws ScanException when the metadata is malformed
     */
    Optional<Package> parse(byte[] metadata) throws IOException;
  }

  /**
   * The package the small metadata file at {@code path} names, found there in {@code ecosystem}'s
   * repository; none when the file is gone or names no package.
   *
   * @throws ScanException when the file is malformed or larger than {@link #MAX_METADATA_SIZE}
   */
  protected static List<FoundPackage> metadataFile(
      FileTree tree, String path, OsvEcosystem ecosystem, MetadataParser parser)
      throws IOException {
    Optional<byte[]> content = readSmall(tree, path);
    if (content.isEmpty()) {
      return List.of();
    }
    return parser.parse(content.get()).stream()
        .map(pkg -> new FoundPackage(pkg, path, ecosystem.repository()))
        .toList();
  }

  /** A binary package, or empty when the name or the version is blank. */
  public static Optional<Package> named(String name, String version) {
    if (name == null || name.isBlank() || version == null || version.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(Package.binary(name.trim(), version.trim(), "", null));
  }

  /**
   * Reads a small file whole.
   *
   * @return the content, or empty when the tree no longer holds the file
   * @throws ScanException when it is larger than {@link #MAX_METADATA_SIZE}
   */
  protected static Optional<byte[]> readSmall(FileTree tree, String path) throws IOException {
    Optional<InputStream> opened = tree.open(path);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = opened.get()) {
      return Optional.of(readSmall(in));
    }
  }

  /**
   * Reads a small stream to its end.
   *
   * @throws ScanException when it holds more than {@link #MAX_METADATA_SIZE} bytes
   */
  public static byte[] readSmall(InputStream in) throws IOException {
    byte[] content = in.readNBytes(MAX_METADATA_SIZE + 1);
    if (content.length > MAX_METADATA_SIZE) {
      throw new ScanException("larger than " + MAX_METADATA_SIZE + " bytes; skipped");
    }
    return content;
  }
}
