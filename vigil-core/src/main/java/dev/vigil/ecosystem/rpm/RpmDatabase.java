package dev.vigil.ecosystem.rpm;

import dev.vigil.spi.FileTree;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads one rpm package database out of a file tree, whatever its format: the file is copied into a
 * private temporary directory (the formats need random access, and SQLite a real file), its format
 * is told from its first bytes (SQLite, NDB or BerkeleyDB hash), every header is parsed as soon as
 * it is read, and the directory is deleted afterwards. A damaged record is skipped and reported; a
 * damaged file yields the records read before the damage, and the damage.
 */
final class RpmDatabase {

  /**
   * What a database held.
   *
   * @param packages the packages, by record number
   * @param problems what could not be read, one line each
   */
  record Contents(List<RpmPackageInfo> packages, List<String> problems) {}

  private RpmDatabase() {}

  /**
   * Reads the database at {@code path}; with an SQLite database, its {@code -wal} file too.
   *
   * @return the contents, or empty when the tree has no file at {@code path}
   * @throws IOException when the tree or the temporary directory cannot be read or written
   */
  static Optional<Contents> read(FileTree tree, String path) throws IOException {
    Optional<InputStream> opened = tree.open(path);
    if (opened.isEmpty()) {
      return Optional.empty();
    }
    Path dir = Files.createTempDirectory("vigil-rpmdb");
    try {
      Path copy = dir.resolve("rpmdb");
      try (InputStream in = opened.get()) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      Optional<InputStream> wal = tree.open(path + "-wal");
      if (wal.isPresent()) {
        try (InputStream in = wal.get()) {
          Files.copy(in, dir.resolve("rpmdb-wal"));
        }
      }
      return Optional.of(parse(copy));
    } finally {
      deleteRecursively(dir);
    }
  }

  /** Reads a database file of any of rpm's formats. */
  static Contents parse(Path file) throws IOException {
    Collector collector = new Collector();
    try {
      readHeaders(file, collector);
    } catch (ScanException e) {
      collector.problems.add(e.getMessage());
    }
    return new Contents(List.copyOf(collector.packages.values()), collector.problems);
  }

  private static void readHeaders(Path file, HeaderSink sink) throws IOException {
    try (DbFile db = DbFile.open(file)) {
      var start = db.read(0, Math.min(db.size(), 64), ByteOrder.LITTLE_ENDIAN);
      if (SqliteDb.recognizes(start)) {
        SqliteDb.read(file, sink);
      } else if (Ndb.recognizes(start)) {
        Ndb.read(db, sink);
      } else if (BerkeleyDb.recognizes(start)) {
        BerkeleyDb.read(db, sink);
      } else {
        throw new ScanException("not an rpm database in a known format");
      }
    }
  }

  /** Parses each header as it comes, keeping the first of each record number. */
  private static final class Collector implements HeaderSink {
    private final Map<Long, RpmPackageInfo> packages = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    @Override
    public void header(long id, byte[] blob) {
      try {
        packages.putIfAbsent(id, RpmPackageInfo.of(RpmHeader.parse(blob)));
      } catch (ScanException e) {
        damaged(id, e.getMessage());
      }
    }

    @Override
    public void damaged(long id, String problem) {
      problems.add(id < 0 ? problem : "record " + id + ": " + problem);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
