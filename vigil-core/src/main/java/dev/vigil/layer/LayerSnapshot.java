package dev.vigil.layer;

import dev.vigil.model.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What one walk over a layer kept, by normalized path: the wanted regular files with their content,
 * every symbolic link, every directory, the other non-directory entries (whose content was not
 * kept), the whiteouts and opaque directories, and warnings about entries that were ignored.
 *
 * <p>When a path occurs twice in the layer, the later entry wins. Closing deletes the spool files
 * of large contents; an {@link OverlayTree} that a snapshot was applied to closes it. Not
 * thread-safe while being built; read-only afterwards.
 */
public final class LayerSnapshot implements AutoCloseable {
  private final Digest layer;
  private final SortedMap<String, StoredFile> files = new TreeMap<>();
  private final SortedSet<String> executables = new TreeSet<>();
  private final SortedMap<String, String> symlinks = new TreeMap<>();
  private final SortedSet<String> directories = new TreeSet<>();
  private final SortedSet<String> unkept = new TreeSet<>();
  private final SortedSet<String> whiteouts = new TreeSet<>();
  private final SortedSet<String> opaqueDirectories = new TreeSet<>();
  private final List<String> warnings = new ArrayList<>();
  private final Set<StoredFile> owned = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Predicate<String> hidesBelow;
  private long inMemoryBytes;

  /**
   * An empty snapshot of {@code layer}.
   *
   * @param hidesBelow true for a path at or under which the layers below hold something: only there
   *     is an unwanted file or a directory recorded, since elsewhere it hides nothing
   */
  LayerSnapshot(Digest layer, Predicate<String> hidesBelow) {
    this.layer = layer;
    this.hidesBelow = hidesBelow;
  }

  /** The digest of the layer this snapshot was taken from. */
  public Digest layer() {
    return layer;
  }

  /** The wanted regular files (hard links to them included), by path. */
  public SortedMap<String, StoredFile> files() {
    return Collections.unmodifiableSortedMap(files);
  }

  /**
   * The paths of the {@link #files()} kept because they are executables holding a wanted marker
   * ({@link dev.vigil.spi.FileFilter#executableMarkers()}).
   */
  public SortedSet<String> executables() {
    return Collections.unmodifiableSortedSet(executables);
  }

  /** Every symbolic link of the layer: path to target, the target as stored. */
  public SortedMap<String, String> symlinks() {
    return Collections.unmodifiableSortedMap(symlinks);
  }

  /** The directories the layer lists. */
  public SortedSet<String> directories() {
    return Collections.unmodifiableSortedSet(directories);
  }

  /**
   * The non-directory entries that were not kept: unwanted files, devices, fifos. They still hide
   * what lower layers had at their paths.
   */
  public SortedSet<String> unkeptPaths() {
    return Collections.unmodifiableSortedSet(unkept);
  }

  /** The paths that {@code .wh.NAME} entries remove from lower layers, with all below them. */
  public SortedSet<String> whiteouts() {
    return Collections.unmodifiableSortedSet(whiteouts);
  }

  /**
   * The directories that {@code .wh..wh..opq} entries make opaque: everything below them from lower
   * layers is removed.
   */
  public SortedSet<String> opaqueDirectories() {
    return Collections.unmodifiableSortedSet(opaqueDirectories);
  }

  /** Why entries were ignored, one line each, in layer order. */
  public List<String> warnings() {
    return Collections.unmodifiableList(warnings);
  }

  /** The bytes of the kept contents that are held in memory rather than spooled. */
  public long inMemoryBytes() {
    return inMemoryBytes;
  }

  void putFile(String path, StoredFile content) {
    clear(path);
    files.put(path, content);
    if (owned.add(content)) {
      inMemoryBytes += content.spooled() ? 0 : content.size();
    }
  }

  void putExecutable(String path, StoredFile content) {
    putFile(path, content);
    executables.add(path);
  }

  void putSymlink(String path, String target) {
    clear(path);
    symlinks.put(path, target);
  }

  void putDirectory(String path) {
    clear(path);
    if (hidesBelow.test(path)) {
      directories.add(path);
    }
  }

  void putUnkept(String path) {
    clear(path);
    if (hidesBelow.test(path)) {
      unkept.add(path);
    }
  }

  void whiteout(String path) {
    whiteouts.add(path);
  }

  void opaque(String directory) {
    opaqueDirectories.add(directory);
  }

  void warn(String warning) {
    warnings.add("layer " + layer + ": " + warning);
  }

  private void clear(String path) {
    files.remove(path);
    executables.remove(path);
    symlinks.remove(path);
    directories.remove(path);
    unkept.remove(path);
  }

  /**
   * Deletes the spool files; idempotent.
   *
   * @throws IOException when a spool file cannot be deleted (after trying all of them)
   */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (StoredFile file : owned) {
      try {
        file.delete();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    owned.clear();
    if (failure != null) {
      throw failure;
    }
  }
}
