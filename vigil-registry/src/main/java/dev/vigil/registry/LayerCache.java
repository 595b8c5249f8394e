package dev.vigil.registry;

import dev.vigil.model.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A content-addressed directory of blobs (layers and configs), shared by every process of the user.
 *
 * <p>Layout: {@code blobs/ALGORITHM/HEX} holds complete blobs whose bytes matched their digest;
 * {@code tmp/} holds downloads in progress. A blob is written to {@code tmp/}, hashed as it is
 * written, and moved into place atomically only when its digest matched, so readers in any process
 * see whole, verified blobs or nothing, and a failed or interrupted download leaves nothing behind.
 * Two processes that fetch the same blob at once both write it; the second move replaces the first
 * with the same bytes. A blob's modification time is its last use: after each store the cache is
 * trimmed to its size bound by deleting the least recently used blobs, under a file lock so two
 * processes do not trim at once, and sparing blobs used within the grace period (the image being
 * scanned). A blob deleted under a reader stays readable until closed. Blobs are not synced to
 * disk: a copy torn by a crash fails the digest check of {@link #open}, which deletes it, so the
 * next scan downloads it again. Thread-safe.
 */
public final class LayerCache {
  private static final Map<Path, ReentrantLock> TRIM_LOCKS = new ConcurrentHashMap<>();
  private static final Duration STALE_DOWNLOAD = Duration.ofDays(1);
  private static final int BUFFER = 64 * 1024;

  private final Path root;
  private final long maxBytes;
  private final Duration grace;

  /** A cache in {@code directory}, trimmed to {@code maxBytes}, sparing blobs used in 10 min. */
  public LayerCache(Path directory, long maxBytes) {
    this(directory, maxBytes, Duration.ofMinutes(10));
  }

  /** A cache that spares blobs used within {@code grace} when trimming. */
  public LayerCache(Path directory, long maxBytes, Duration grace) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("registry: the cache size bound must be positive");
    }
    this.root = directory.toAbsolutePath().normalize();
    this.maxBytes = maxBytes;
    this.grace = grace;
  }

  /**
   * The default directory: {@code VIGIL_CACHE_DIR}, else {@code $XDG_CACHE_HOME/vigil/layers}, else
   * {@code HOME/.cache/vigil/layers}.
   */
  public static Path defaultDirectory(Map<String, String> env, String home) {
    String explicit = env.get("VIGIL_CACHE_DIR");
    if (explicit != null && !explicit.isBlank()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".cache");
    return base.resolve("vigil").resolve("layers");
  }

  /** The cache directory. */
  public Path directory() {
    return root;
  }

  /** Where the blob of {@code digest} lives when cached. */
  public Path path(Digest digest) {
    return root.resolve("blobs").resolve(digest.algorithm()).resolve(digest.hex());
  }

  /** The cached blob of {@code digest}, marked as just used; empty when not cached. */
  public Optional<Path> find(Digest digest) {
    Path path = path(digest);
    try {
      Files.setLastModifiedTime(path, FileTime.from(Instant.now()));
      return Optional.of(path);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }
  }

  /**
   * Opens a cached blob, checking its digest again as it is read: a blob found corrupt is deleted,
   * so the next scan downloads it afresh.
   *
   * @throws NoSuchFileException when it is not (or no longer) cached
   */
  public InputStream open(Digest digest) throws IOException {
    Path path = path(digest);
    return new CachedBlob(
        new VerifyingInputStream(Files.newInputStream(path), digest, "registry"), path);
  }

  /**
   * Stores a blob from {@code in}, checking its digest as it streams, then trims the cache.
   *
   * @return the blob's path in the cache
   * @throws dev.vigil.spi.ScanException when the bytes do not match {@code digest}; nothing is
   *     stored
   * @throws IOException when reading or writing fails; nothing is stored
   */
  public Path store(Digest digest, InputStream in) throws IOException {
    Path target = path(digest);
    Path tmpDir = Files.createDirectories(root.resolve("tmp"));
    Files.createDirectories(target.getParent());
    Path part = Files.createTempFile(tmpDir, digest.hex() + ".", ".part");
    try {
      try (InputStream verified = new VerifyingInputStream(in, digest, "registry");
          FileChannel out = FileChannel.open(part, StandardOpenOption.WRITE)) {
        byte[] buffer = new byte[BUFFER];
        for (int n = verified.read(buffer); n >= 0; n = verified.read(buffer)) {
          write(out, ByteBuffer.wrap(buffer, 0, n), digest);
        }
      }
      move(part, target);
    } finally {
      Files.deleteIfExists(part);
    }
    trim();
    return target;
  }

  /** Writes a chunk of a download, naming the cache and the blob when the disk refuses it. */
  private void write(FileChannel out, ByteBuffer chunk, Digest digest) throws IOException {
    try {
      while (chunk.hasRemaining()) {
        out.write(chunk);
      }
    } catch (IOException e) {
      throw new IOException(
          "registry: cannot write blob "
              + digest
              + " into the layer cache "
              + root
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static void move(Path part, Path target) throws IOException {
    try {
      Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("registry: the cache directory cannot rename atomically", e);
    }
  }

  /** Deletes least recently used blobs until the cache fits its bound, and stale downloads. */
  public void trim() throws IOException {
    if (sizeOf(blobs()) <= maxBytes) {
      return;
    }
    ReentrantLock local = TRIM_LOCKS.computeIfAbsent(root, r -> new ReentrantLock());
    local.lock();
    try (FileChannel lockFile =
            FileChannel.open(
                root.resolve(".trim.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        var lock = lockFile.lock()) {
      List<Entry> entries = blobs();
      long total = sizeOf(entries);
      Instant spare = Instant.now().minus(grace);
      entries.sort(Comparator.comparing(Entry::used));
      for (Entry entry : entries) {
        if (total <= maxBytes || entry.used().isAfter(spare)) {
          break;
        }
        Files.deleteIfExists(entry.path());
        total -= entry.size();
      }
      deleteStaleDownloads();
    } finally {
      local.unlock();
    }
  }

  /** One cached blob: where it is, how large, when last used. */
  private record Entry(Path path, long size, Instant used) {}

  private List<Entry> blobs() throws IOException {
    List<Entry> entries = new ArrayList<>();
    Path blobs = root.resolve("blobs");
    if (!Files.isDirectory(blobs)) {
      return entries;
    }
    try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(blobs)) {
      for (Path algorithm : algorithms) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(algorithm)) {
          for (Path file : files) {
            Optional<BasicFileAttributes> a = attributes(file);
            if (a.isPresent()) {
              entries.add(new Entry(file, a.get().size(), a.get().lastModifiedTime().toInstant()));
            }
          }
        }
      }
    }
    return entries;
  }

  private void deleteStaleDownloads() throws IOException {
    Path tmp = root.resolve("tmp");
    if (!Files.isDirectory(tmp)) {
      return;
    }
    Instant stale = Instant.now().minus(STALE_DOWNLOAD);
    try (DirectoryStream<Path> parts = Files.newDirectoryStream(tmp, "*.part")) {
      for (Path part : parts) {
        Optional<BasicFileAttributes> a = attributes(part);
        if (a.isPresent() && a.get().lastModifiedTime().toInstant().isBefore(stale)) {
          Files.deleteIfExists(part);
        }
      }
    }
  }

  private static Optional<BasicFileAttributes> attributes(Path file) {
    try {
      return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long sizeOf(List<Entry> entries) {
    return entries.stream().mapToLong(Entry::size).sum();
  }
}
