package dev.vigil.cli.db;

import dev.vigil.model.Json;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a feed archive into a directory and checks it against its manifest: every entry a plain
 * file at a safe relative path, every listed file present with its size and SHA-256, nothing
 * unlisted, a known format version and updaters this build has. Any failure is an {@link
 * IOException} starting with {@code db import:}, raised before anything reaches the store.
 */
final class FeedArchiveReader {
  /** The most an archive may unpack to: 8 GiB. */
  static final long MAX_BYTES = 8L << 30;

  private FeedArchiveReader() {}

  /**
   * Unpacks {@code archive} into the empty directory {@code into} and verifies it.
   *
   * @param known the updater names this build has
   * @return the verified manifest; each updater's files are in {@code into/feeds/NAME/}
   */
  static ArchiveManifest read(Path archive, Path into, Set<String> known) throws IOException {
    Map<String, ArchiveManifest.FileEntry> unpacked = unpack(archive, into);
    Path manifestFile = into.resolve(ArchiveManifest.ENTRY);
    if (!unpacked.containsKey(ArchiveManifest.ENTRY)) {
      throw refused("it has no " + ArchiveManifest.ENTRY + "; is it a vigil db export?");
    }
    ArchiveManifest manifest;
    try {
      manifest = Json.mapper().readValue(manifestFile.toFile(), ArchiveManifest.class);
    } catch (IOException e) {
      throw refused("its manifest is not readable JSON: " + firstLine(e));
    }
    checkCompatible(manifest, known);
    unpacked.remove(ArchiveManifest.ENTRY);
    for (ArchiveManifest.Feed feed : manifest.updaters()) {
      for (ArchiveManifest.FileEntry expected : feed.files()) {
        String path = ArchiveManifest.FEEDS + feed.name() + "/" + expected.path();
        ArchiveManifest.FileEntry actual = unpacked.remove(path);
        if (actual == null) {
          throw refused("it lacks " + path + " (truncated?)");
        }
        if (actual.size() != expected.size() || !actual.sha256().equals(expected.sha256())) {
          throw refused(path + " does not match its sha256 in the manifest (corrupt?)");
        }
      }
    }
    if (!unpacked.isEmpty()) {
      throw refused(
          "it holds files its manifest does not list, e.g. " + unpacked.keySet().iterator().next());
    }
    return manifest;
  }

  private static void checkCompatible(ArchiveManifest manifest, Set<String> known)
      throws IOException {
    if (!ArchiveManifest.FORMAT.equals(manifest.format())) {
      throw refused("it is not a vigil feed archive (format '" + manifest.format() + "')");
    }
    if (manifest.version() != ArchiveManifest.VERSION) {
      throw refused(
          "its format version "
              + manifest.version()
              + " is not supported; this vigil reads version "
              + ArchiveManifest.VERSION);
    }
    for (ArchiveManifest.Feed feed : manifest.updaters()) {
      if (feed.name() == null || !known.contains(feed.name())) {
        throw refused("it holds updater '" + feed.name() + "', which this vigil does not have");
      }
    }
  }

  private static Map<String, ArchiveManifest.FileEntry> unpack(Path archive, Path into)
      throws IOException {
    Map<String, ArchiveManifest.FileEntry> unpacked = new HashMap<>();
    long total = 0;
    try (InputStream file = Files.newInputStream(archive);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        String name = safeName(entry);
        total += entry.getSize();
        if (total > MAX_BYTES) {
          throw refused("it unpacks to more than " + (MAX_BYTES >> 30) + " GiB");
        }
        Path target = into.resolve(name).normalize();
        Files.createDirectories(target.getParent());
        MessageDigest digest = FeedArchiveWriter.newDigest();
        long size;
        try (OutputStream out =
            new DigestOutputStream(
                Files.newOutputStream(target, StandardOpenOption.CREATE_NEW), digest)) {
          size = tar.transferTo(out);
        }
        if (unpacked.put(name, fileEntry(name, size, digest)) != null) {
          throw refused("it holds " + name + " twice");
        }
      }
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("db import:")) {
        throw e;
      }
      String why = e instanceof EOFException ? "unexpected end of data" : firstLine(e);
      throw refused("it is truncated or corrupt (" + why + ")");
    }
    return unpacked;
  }

  private static ArchiveManifest.FileEntry fileEntry(String name, long size, MessageDigest digest) {
    return new ArchiveManifest.FileEntry(name, size, HexFormat.of().formatHex(digest.digest()));
  }

  /** The entry's name if it is a plain file at a relative path that stays inside the archive. */
  private static String safeName(TarArchiveEntry entry) throws IOException {
    String name = entry.getName();
    if (!entry.isFile() || entry.isLink() || entry.isSymbolicLink()) {
      throw refused("entry " + name + " is not a plain file");
    }
    boolean safe =
        !name.isEmpty()
            && !name.startsWith("/")
            && !name.contains("\\")
            && !name.contains("\0")
            && (name.equals(ArchiveManifest.ENTRY) || name.startsWith(ArchiveManifest.FEEDS));
    for (String part : name.split("/", -1)) {
      safe &= !part.isEmpty() && !part.equals(".") && !part.equals("..");
    }
    if (!safe) {
      throw refused("entry " + name + " has an unsafe or unexpected path");
    }
    return name;
  }

  private static IOException refused(String why) {
    return new IOException("db import: refused the archive: " + why + "; the store is unchanged");
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
