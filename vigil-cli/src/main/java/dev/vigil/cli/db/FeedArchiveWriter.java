package dev.vigil.cli.db;

import dev.vigil.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Packs fetched feed directories and their manifest into a {@code .tar.gz} feed archive. */
final class FeedArchiveWriter {
  private FeedArchiveWriter() {}

  /** The manifest entry of an updater whose fetch wrote {@code dir}: every file, hashed. */
  static ArchiveManifest.Feed describe(String name, String fingerprint, Path dir)
      throws IOException {
    List<ArchiveManifest.FileEntry> files = new ArrayList<>();
    for (Path file : regularFiles(dir)) {
      String path = dir.relativize(file).toString().replace('\\', '/');
      files.add(new ArchiveManifest.FileEntry(path, Files.size(file), sha256(file)));
    }
    return new ArchiveManifest.Feed(name, fingerprint, files);
  }

  /**
   * Writes the archive to {@code out}: the manifest first, then each updater's files from {@code
   * feeds}{@code /NAME/}.
   */
  static void write(ArchiveManifest manifest, Path feeds, OutputStream out) throws IOException {
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      byte[] json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
      TarArchiveEntry head = new TarArchiveEntry(ArchiveManifest.ENTRY);
      head.setSize(json.length);
      tar.putArchiveEntry(head);
      tar.write(json);
      tar.closeArchiveEntry();
      for (ArchiveManifest.Feed feed : manifest.updaters()) {
        for (ArchiveManifest.FileEntry file : feed.files()) {
          Path source = feeds.resolve(feed.name()).resolve(file.path());
          TarArchiveEntry entry =
              new TarArchiveEntry(ArchiveManifest.FEEDS + feed.name() + "/" + file.path());
          entry.setSize(file.size());
          tar.putArchiveEntry(entry);
          Files.copy(source, tar);
          tar.closeArchiveEntry();
        }
      }
      tar.finish();
    }
  }

  /** The hex SHA-256 of a file's content. */
  static String sha256(Path file) throws IOException {
    MessageDigest digest = newDigest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** A fresh SHA-256 digest. */
  static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("db: the JVM has no SHA-256", e);
    }
  }

  private static List<Path> regularFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
