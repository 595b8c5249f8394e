package dev.vigil.spi;

import java.util.List;

/**
 * The files a scanner wants to see, by path relative to the image root ({@code /}-separated, no
 * leading slash, e.g. {@code lib/apk/db/installed}). The indexer walks each layer once and keeps
 * only the files some scanner wants.
 */
@FunctionalInterface
public interface FileFilter {

  /** True when the scanner wants the file at {@code path}. */
  boolean wants(String path);

  /** Wants exactly the named paths. */
  static FileFilter exactly(String... paths) {
    List<String> wanted = List.of(paths);
    return wanted::contains;
  }

  /** Wants every file below the directory {@code dir} (given without a trailing slash). */
  static FileFilter under(String dir) {
    String prefix = dir + "/";
    return path -> path.startsWith(prefix);
  }

  /** Wants what either filter wants. */
  default FileFilter or(FileFilter other) {
    return path -> wants(path) || other.wants(path);
  }
}
