package dev.vigil.layer;

import dev.vigil.spi.FileFilter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Walks a layer once and keeps what the scanners need in a {@link LayerSnapshot}.
 *
 * <p>The filter decides on each regular file by its normalized path as stored in the layer: links
 * are not followed while collecting, since their targets may lie in other layers. A scanner that
 * reads a file through a symbolic link therefore names both paths, e.g. {@code etc/os-release} and
 * {@code usr/lib/os-release}; every symbolic link is recorded (they are tiny), so an {@link
 * OverlayTree} can resolve {@code etc/os-release -> ../usr/lib/os-release} later.
 *
 * <p>Entries whose path is unsafe (it climbs above the root) are never kept: they become warnings.
 * Whiteouts ({@code .wh.NAME}) and opaque markers ({@code .wh..wh..opq}) are recorded, not kept as
 * files. A hard link gets the content of its target when that target, an earlier entry of the same
 * layer, was kept. Thread-safe: each call collects into its own snapshot.
 */
public final class LayerCollector {

  /** Contents up to this size (1 MiB) stay in memory; larger ones are spooled to disk. */
  public static final int DEFAULT_IN_MEMORY_LIMIT = 1 << 20;

  private static final String WHITEOUT = ".wh.";
  private static final String OPAQUE = ".wh..wh..opq";

  private final FileFilter wanted;
  private final int inMemoryLimit;
  private final Path spoolDir;

  /** A collector keeping the files {@code wanted} names, spooling large ones to the temp dir. */
  public LayerCollector(FileFilter wanted) {
    this(wanted, DEFAULT_IN_MEMORY_LIMIT, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /**
   * A collector keeping the files {@code wanted} names.
   *
   * @param inMemoryLimit contents up to this many bytes stay in memory
   * @param spoolDir where larger contents are spooled
   */
  public LayerCollector(FileFilter wanted, int inMemoryLimit, Path spoolDir) {
    this.wanted = wanted;
    this.inMemoryLimit = inMemoryLimit;
    this.spoolDir = spoolDir;
  }

  /**
   * Walks {@code layer} once and returns what it holds for the wanted paths; the caller closes the
   * snapshot (or hands it to an {@link OverlayTree}). Every path the layer replaces is recorded.
   *
   * @throws dev.vigil.spi.ScanException when the layer is corrupt or truncated
   * @throws IOException when reading the layer or spooling fails
   */
  public LayerSnapshot collect(LayerSource layer) throws IOException {
    return collect(layer, path -> true);
  }

  /**
   * Walks {@code layer} once and returns what it holds for the wanted paths, recording an unwanted
   * file or a directory only where it hides something of the layers below: memory stays
   * proportional to what the scanners want, not to the layer's file count.
   *
   * @param below true for a path at or under which the layers below hold a kept file or link
   * @throws dev.vigil.spi.ScanException when the layer is corrupt or truncated
   * @throws IOException when reading the layer or spooling fails
   */
  public LayerSnapshot collect(LayerSource layer, Predicate<String> below) throws IOException {
    LayerSnapshot snapshot = new LayerSnapshot(layer.digest());
    try {
      layer.read(entry -> accept(snapshot, entry, below));
      return snapshot;
    } catch (IOException | RuntimeException e) {
      try {
        snapshot.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private void accept(LayerSnapshot snapshot, LayerEntry entry, Predicate<String> below)
      throws IOException {
    Optional<String> normalized = LayerPaths.normalize(entry.path());
    if (normalized.isEmpty()) {
      snapshot.warn("entry '" + entry.path() + "' escapes the root; ignored");
      return;
    }
    String path = normalized.get();
    if (path.isEmpty()) {
      return;
    }
    String name = LayerPaths.name(path);
    if (name.startsWith(WHITEOUT)) {
      whiteout(snapshot, path, name);
      return;
    }
    switch (entry.type()) {
      case DIRECTORY -> {
        if (below.test(path)) {
          snapshot.putDirectory(path);
        } else {
          snapshot.forget(path);
        }
      }
      case SYMLINK -> snapshot.putSymlink(path, entry.linkTarget());
      case HARDLINK -> hardLink(snapshot, path, entry.linkTarget(), below);
      case FILE -> {
        if (wanted.wants(path)) {
          snapshot.putFile(path, StoredFile.store(entry.content(), inMemoryLimit, spoolDir));
        } else {
          unkept(snapshot, path, below);
        }
      }
      case OTHER -> unkept(snapshot, path, below);
    }
  }

  private static void unkept(LayerSnapshot snapshot, String path, Predicate<String> below) {
    if (below.test(path)) {
      snapshot.putUnkept(path);
    } else {
      snapshot.forget(path);
    }
  }

  private static void whiteout(LayerSnapshot snapshot, String path, String name) {
    String parent = LayerPaths.parent(path);
    if (name.equals(OPAQUE)) {
      snapshot.opaque(parent);
      return;
    }
    String removed = name.substring(WHITEOUT.length());
    if (removed.isEmpty() || removed.equals(".") || removed.equals("..")) {
      snapshot.warn("whiteout '" + path + "' names no entry; ignored");
      return;
    }
    snapshot.whiteout(LayerPaths.join(parent, removed));
  }

  private void hardLink(
      LayerSnapshot snapshot, String path, String target, Predicate<String> below) {
    Optional<String> normalized = LayerPaths.normalize(target);
    if (normalized.isEmpty()) {
      snapshot.warn("hard link '" + path + "' points out of the root; ignored");
      return;
    }
    StoredFile file = snapshot.files().get(normalized.get());
    String link = snapshot.symlinks().get(normalized.get());
    if (file != null && wanted.wants(path)) {
      snapshot.putFile(path, file);
    } else if (link != null) {
      snapshot.putSymlink(path, retarget(link, normalized.get(), path));
    } else {
      if (wanted.wants(path)) {
        snapshot.warn("hard link '" + path + "' to '" + target + "' has no kept content");
      }
      unkept(snapshot, path, below);
    }
  }

  /**
   * A symbolic link's target as seen from {@code to}, for a hard link to the link at {@code from}.
   */
  private static String retarget(String target, String from, String to) {
    if (target.startsWith("/") || LayerPaths.parent(from).equals(LayerPaths.parent(to))) {
      return target;
    }
    return "/" + LayerPaths.clamp(LayerPaths.join(LayerPaths.parent(from), target));
  }
}
