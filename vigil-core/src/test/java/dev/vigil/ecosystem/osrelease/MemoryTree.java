package dev.vigil.ecosystem.osrelease;

import dev.vigil.spi.FileTree;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * A {@link FileTree} held in memory, for scanner tests: built from fixture files, a fixture
 * directory laid out as a root filesystem, or the regular files of a rootfs tarball.
 */
public final class MemoryTree implements FileTree {
  private final Map<String, byte[]> files;

  private MemoryTree(Map<String, byte[]> files) {
    this.files = files;
  }

  /** A tree holding each fixture file at the given tree path. */
  public static MemoryTree of(Map<String, Path> layout) {
    Map<String, byte[]> files = new TreeMap<>();
    layout.forEach((path, file) -> files.put(path, read(file)));
    return new MemoryTree(files);
  }

  /** A tree holding every regular file below {@code root}, at its path relative to it. */
  public static MemoryTree ofDirectory(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .forEach(f -> files.put(root.relativize(f).toString().replace('\\', '/'), read(f)));
    }
    return new MemoryTree(files);
  }

  /** A tree holding the wanted regular files of a gzip-compressed rootfs tarball. */
  public static MemoryTree ofTarGz(Path tarball, Predicate<String> wanted) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new GZIPInputStream(Files.newInputStream(tarball)))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        String path = e.getName().startsWith("./") ? e.getName().substring(2) : e.getName();
        if (e.isFile() && wanted.test(path)) {
          files.put(path, tar.readAllBytes());
        }
      }
    }
    return new MemoryTree(files);
  }

  /** The tree paths it holds. */
  public List<String> paths() {
    return List.copyOf(files.keySet());
  }

  @Override
  public Optional<byte[]> read(String path) {
    return Optional.ofNullable(files.get(path)).map(byte[]::clone);
  }

  @Override
  public Optional<InputStream> open(String path) {
    return read(path).map(ByteArrayInputStream::new);
  }

  @Override
  public List<String> list(String dir) {
    return files.keySet().stream().filter(p -> dir.isEmpty() || p.startsWith(dir + "/")).toList();
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
