package dev.vigil.layer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Paths inside a layer or image root: {@code /}-separated, relative to the root, with no leading
 * slash and no {@code .} or {@code ..} components; the root itself is the empty string.
 */
public final class LayerPaths {
  private LayerPaths() {}

  /**
   * Normalizes a path as stored in a tar: {@code "./etc/x"} and {@code "etc//./x"} become {@code
   * "etc/x"}, and {@code "a/../b"} becomes {@code "b"}.
   *
   * @return the normalized path, or empty when the path is unsafe: it is absolute, contains a NUL,
   *     or its {@code ..} components climb above the root, as in {@code "../x"} or {@code
   *     "a/../../x"}
   */
  public static Optional<String> normalize(String stored) {
    if (stored.startsWith("/") || stored.indexOf('\0') >= 0) {
      return Optional.empty();
    }
    List<String> parts = new ArrayList<>();
    for (String part : stored.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return Optional.of(String.join("/", parts));
  }

  /**
   * Normalizes a path the way a chroot would: a {@code ..} at the root stays at the root, so the
   * result never leaves it ({@code "/../x"} becomes {@code "x"}).
   */
  public static String clamp(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String part : path.split("/")) {
      if (part.equals("..")) {
        parts.pollLast();
      } else if (!part.isEmpty() && !part.equals(".")) {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }

  /** The directory holding a normalized path; the root ({@code ""}) for a top-level name. */
  public static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The last component of a normalized path. */
  public static String name(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Joins a normalized directory (possibly the root) and a relative name. */
  public static String join(String dir, String name) {
    return dir.isEmpty() ? name : dir + "/" + name;
  }
}
