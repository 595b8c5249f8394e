package dev.vigil.image;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes test archives: tars of directories or of named byte arrays, truncated copies. */
final class Archives {
  private Archives() {}

  /** Writes a tar of {@code files} (name to content, in order) to {@code target}. */
  static Path tar(Path target, Map<String, byte[]> files, boolean gzip) throws IOException {
    try (OutputStream file = Files.newOutputStream(target);
        OutputStream out = gzip ? new GZIPOutputStream(file) : file;
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> entry : files.entrySet()) {
        TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
        header.setSize(entry.getValue().length);
        tar.putArchiveEntry(header);
        tar.write(entry.getValue());
        tar.closeArchiveEntry();
      }
    }
    return target;
  }

  /** Writes a tar of every regular file below {@code dir}, named relative to it. */
  static Path tarDirectory(Path target, Path dir, boolean gzip) throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> regular = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path file : regular) {
        files.put(dir.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
      }
    }
    return tar(target, files, gzip);
  }

  /** Copies {@code source} to {@code target}, keeping only its first {@code length} bytes. */
  static Path truncated(Path source, Path target, long length) throws IOException {
    byte[] bytes = Files.readAllBytes(source);
    Files.write(target, Arrays.copyOf(bytes, (int) length));
    return target;
  }

  /** Copies every file below {@code source} into {@code target}, writable. */
  static Path copyTree(Path source, Path target) throws IOException {
    try (Stream<Path> walk = Files.walk(source)) {
      for (Path path : walk.sorted().toList()) {
        Path copy = target.resolve(source.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(copy);
        } else {
          Files.write(copy, Files.readAllBytes(path));
        }
      }
    }
    return target;
  }
}
