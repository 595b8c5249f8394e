package dev.vigil.layer;

import dev.vigil.spi.FileFilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
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
 * layer, was kept. Executable ELF files are kept when their content holds one of the filter's
 * {@link FileFilter#executableMarkers() markers}: they are read while the layer streams past and
 * dropped at once otherwise. Thread-safe: each call collects into its own snapshot.
 */
public final class LayerCollector {

  /** Contents up to this size (1 MiB) stay in memory; larger ones are spooled to disk. */
  public static final int DEFAULT_IN_MEMORY_LIMIT = 1 << 20;

  /**
   * What one layer's kept files may hold in memory together (64 MiB); beyond it every file is
   * spooled, so thousands of small files (a large node_modules) cannot exhaust the heap.
   */
  public static final long DEFAULT_IN_MEMORY_BUDGET = 64L << 20;

  private static final String WHITEOUT = ".wh.";
  private static final byte[] ELF_MAGIC = {0x7f, 'E', 'L', 'F'};
  private static final String OPAQUE = ".wh..wh..opq";

  private final FileFilter wanted;
  private final int inMemoryLimit;
  private final long inMemoryBudget;
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
    this(wanted, inMemoryLimit, DEFAULT_IN_MEMORY_BUDGET, spoolDir);
  }

  /**
   * A collector keeping the files {@code wanted} names.
   *
   * @param inMemoryLimit contents up to this many bytes stay in memory
   * @param inMemoryBudget what one layer's kept contents may hold in memory together
   * @param spoolDir where larger contents are spooled
   */
  public LayerCollector(FileFilter wanted, int inMemoryLimit, long inMemoryBudget, Path spoolDir) {
    this.wanted = wanted;
    this.inMemoryLimit = inMemoryLimit;
    this.inMemoryBudget = inMemoryBudget;
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
    LayerSnapshot snapshot = new LayerSnapshot(layer.digest(), below);
    try {
      layer.read(entry -> accept(snapshot, entry));
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

  private void accept(LayerSnapshot snapshot, LayerEntry entry) throws IOException {
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
      case DIRECTORY -> snapshot.putDirectory(path);
      case SYMLINK -> snapshot.putSymlink(path, entry.linkTarget());
      case HARDLINK -> hardLink(snapshot, path, entry.linkTarget());
      case FILE -> file(snapshot, path, entry);
      case OTHER -> snapshot.putUnkept(path);
    }
  }

  private void file(LayerSnapshot snapshot, String path, LayerEntry entry) throws IOException {
    if (wanted.wants(path)) {
      snapshot.putFile(path, store(snapshot, entry.content()));
    } else if (!markedExecutable(snapshot, path, entry)) {
      snapshot.putUnkept(path);
    }
  }

  /** Keeps an executable ELF file whose content holds a wanted marker; false when it is none. */
  private boolean markedExecutable(LayerSnapshot snapshot, String path, LayerEntry entry)
      throws IOException {
    List<byte[]> markers = wanted.executableMarkers();
    if (markers.isEmpty()
        || !entry.executable()
        || entry.size() < ELF_MAGIC.length
        || entry.size() > FileFilter.MAX_EXECUTABLE_SIZE) {
      return false;
    }
    PushbackInputStream content = new PushbackInputStream(entry.content(), ELF_MAGIC.length);
    byte[] magic = content.readNBytes(ELF_MAGIC.length);
    if (!Arrays.equals(magic, ELF_MAGIC)) {
      return false;
    }
    content.unread(magic);
    MarkerSearch search = new MarkerSearch(content, markers);
    StoredFile file = store(snapshot, search);
    if (!search.found()) {
      file.delete();
      return false;
    }
    snapshot.putExecutable(path, file);
    return true;
  }

  /** Stores a content, in memory while the file and the layer's budget allow it. */
  private StoredFile store(LayerSnapshot snapshot, InputStream content) throws IOException {
    long left = Math.max(0, inMemoryBudget - snapshot.inMemoryBytes());
    return StoredFile.store(content, (int) Math.min(inMemoryLimit, left), spoolDir);
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

  private void hardLink(LayerSnapshot snapshot, String path, String target) {
    Optional<String> normalized = LayerPaths.normalize(target);
    if (normalized.isEmpty()) {
      snapshot.warn("hard link '" + path + "' points out of the root; ignored");
      return;
    }
    StoredFile file = snapshot.files().get(normalized.get());
    String link = snapshot.symlinks().get(normalized.get());
    if (file != null && wanted.wants(path)) {
      snapshot.putFile(path, file);
    } else if (file != null && snapshot.executables().contains(normalized.get())) {
      snapshot.putExecutable(path, file);
    } else if (link != null) {
      snapshot.putSymlink(path, retarget(link, normalized.get(), path));
    } else {
      if (wanted.wants(path)) {
        snapshot.warn("hard link '" + path + "' to '" + target + "' has no kept content");
      }
      snapshot.putUnkept(path);
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
