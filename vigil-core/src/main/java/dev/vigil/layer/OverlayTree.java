package dev.vigil.layer;

import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The image's filesystem as it stands after the layers applied so far, limited to the files that
 * were collected, plus every symbolic link.
 *
 * <p>{@link #apply} stacks a layer the way overlay filesystems do: first its whiteouts and opaque
 * directories remove entries of the lower layers, then its entries replace whatever the lower
 * layers had at their paths (a non-directory also hides everything below its path; a directory
 * replaces a lower file or link). Reads follow symbolic links inside the root like a chroot would:
 * absolute targets start at the root, {@code ..} at the root stays there, and a path needing more
 * than {@value #MAX_LINK_HOPS} link hops (a loop) is absent.
 *
 * <p>The tree owns the snapshots applied to it and closes them on {@link #close}. Not thread-safe
 * while applying; concurrent reads between applies are safe.
 */
public final class OverlayTree implements FileTree, AutoCloseable {

  /** The most symbolic links one lookup follows before giving up, as Linux does. */
  public static final int MAX_LINK_HOPS = 40;

  private final NavigableMap<String, StoredFile> files = new TreeMap<>();
  private final NavigableMap<String, String> symlinks = new TreeMap<>();
  private final NavigableSet<String> executables = new TreeSet<>();
  private final List<LayerSnapshot> applied = new ArrayList<>();

  /**
   * The paths one {@link #apply} added, replaced or removed: regular files and symbolic links.
   *
   * @param paths the touched paths, sorted
   * @param executables the touched paths that held or now hold an executable kept for a marker
   *     ({@link FileFilter#executableMarkers()})
   */
  public record Changes(SortedSet<String> paths, SortedSet<String> executables) {

    /** Keeps unmodifiable copies. */
    public Changes {
      paths = Collections.unmodifiableSortedSet(new TreeSet<>(paths));
      executables = Collections.unmodifiableSortedSet(new TreeSet<>(executables));
    }

    /**
     * True when {@code filter} wants a touched path, or wants executables by marker and one was
     * touched, so its scanner should run again.
     */
    public boolean wantedBy(FileFilter filter) {
      return paths.stream().anyMatch(filter::wants)
          || !executables.isEmpty() && !filter.executableMarkers().isEmpty();
    }
  }

  /**
   * Stacks {@code layer} on top of the tree and takes ownership of it.
   *
   * @return the paths this layer touched
   */
  public Changes apply(LayerSnapshot layer) {
    applied.add(layer);
    SortedSet<String> touched = new TreeSet<>();
    SortedSet<String> executablesBefore = new TreeSet<>(executables);
    layer.whiteouts().forEach(path -> remove(path, true, touched));
    layer.opaqueDirectories().forEach(dir -> remove(dir, false, touched));
    layer.directories().forEach(dir -> removeExactly(dir, touched));
    layer.unkeptPaths().forEach(path -> remove(path, true, touched));
    layer
        .symlinks()
        .forEach(
            (path, target) -> {
              remove(path, true, touched);
              symlinks.put(path, target);
              touched.add(path);
            });
    layer
        .files()
        .forEach(
            (path, content) -> {
              remove(path, true, touched);
              files.put(path, content);
              touched.add(path);
            });
    executables.addAll(layer.executables());
    SortedSet<String> touchedExecutables = new TreeSet<>(touched);
    touchedExecutables.removeIf(p -> !executablesBefore.contains(p) && !executables.contains(p));
    return new Changes(touched, touchedExecutables);
  }

  /**
   * True when the tree holds a kept file or a symbolic link at {@code path} or under it: only then
   * can a layer's entry at that path hide something.
   */
  public boolean holdsAtOrUnder(String path) {
    return files.containsKey(path)
        || symlinks.containsKey(path)
        || !below(files, path).isEmpty()
        || !below(symlinks, path).isEmpty();
  }

  /**
   * Resolves every symbolic link along {@code path}, inside the root.
   *
   * @return the path with no links left in it, or empty after too many link hops
   */
  public Optional<String> resolve(String path) {
    Deque<String> pending = new ArrayDeque<>(List.of(path.split("/")));
    List<String> done = new ArrayList<>();
    int hops = 0;
    while (!pending.isEmpty()) {
      String part = pending.pollFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!done.isEmpty()) {
          done.remove(done.size() - 1);
        }
        continue;
      }
      done.add(part);
      String target = symlinks.get(String.join("/", done));
      if (target == null) {
        continue;
      }
      if (++hops > MAX_LINK_HOPS) {
        return Optional.empty();
      }
      done.remove(done.size() - 1);
      if (target.startsWith("/")) {
        done.clear();
      }
      String[] parts = target.split("/");
      for (int i = parts.length - 1; i >= 0; i--) {
        pending.addFirst(parts[i]);
      }
    }
    return Optional.of(String.join("/", done));
  }

  @Override
  public Optional<byte[]> read(String path) throws IOException {
    Optional<StoredFile> file = find(path);
    return file.isEmpty() ? Optional.empty() : Optional.of(file.get().readAllBytes());
  }

  @Override
  public Optional<InputStream> open(String path) throws IOException {
    Optional<StoredFile> file = find(path);
    return file.isEmpty() ? Optional.empty() : Optional.of(file.get().open());
  }

  @Override
  public List<String> list(String dir) {
    Optional<String> resolved = resolve(dir);
    if (resolved.isEmpty()) {
      return List.of();
    }
    String real = resolved.get();
    String shown = LayerPaths.clamp(dir);
    List<String> paths = new ArrayList<>();
    for (String path : below(files, real).keySet()) {
      paths.add(
          real.isEmpty() ? LayerPaths.join(shown, path) : shown + path.substring(real.length()));
    }
    return paths;
  }

  /** Closes every snapshot applied to the tree, deleting their spool files. */
  @Override
  public void close() throws IOException {
    IOException failure = null;
    for (LayerSnapshot snapshot : applied) {
      try {
        snapshot.close();
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    applied.clear();
    if (failure != null) {
      throw failure;
    }
  }

  private Optional<StoredFile> find(String path) {
    return resolve(path).map(files::get);
  }

  private void remove(String path, boolean itself, SortedSet<String> touched) {
    if (itself) {
      removeExactly(path, touched);
    }
    for (NavigableMap<String, ?> map : List.of(files, symlinks)) {
      NavigableMap<String, ?> below = below(map, path);
      touched.addAll(below.keySet());
      below.clear();
    }
    if (path.isEmpty()) {
      executables.clear();
    } else {
      executables.subSet(path + "/", true, path + "0", false).clear();
    }
  }

  private void removeExactly(String path, SortedSet<String> touched) {
    boolean removed = files.remove(path) != null;
    removed |= symlinks.remove(path) != null;
    executables.remove(path);
    if (removed) {
      touched.add(path);
    }
  }

  /** The entries strictly below directory {@code dir} ({@code ""}: the whole map), as a view. */
  private static <V> NavigableMap<String, V> below(NavigableMap<String, V> map, String dir) {
    if (dir.isEmpty()) {
      return map;
    }
    // '0' is the character after '/', so this range holds exactly the paths starting "dir/"
    return map.subMap(dir + "/", true, dir + "0", false);
  }
}
