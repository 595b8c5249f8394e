package dev.vigil.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * The files a scanner wants to see, by path relative to the image root ({@code /}-separated, no
 * leading slash, e.g. {@code lib/apk/db/installed}). The indexer walks each layer once and keeps
 * only the files some scanner wants.
 *
 * <p>Programs may lie anywhere, so a filter can also want executables by content: {@link
 * #executableMarkers()} names byte strings, and every regular file with an execute bit, the ELF
 * magic and at most {@link #MAX_EXECUTABLE_SIZE} bytes whose content holds one of them is kept too
 * (Go binaries carry {@code \xff Go buildinf:}). Such files are read once while the layer streams
 * past and dropped at once when no marker turns up.
 */
@FunctionalInterface
public interface FileFilter {

  /** The largest executable (256 MiB) that {@link #executableMarkers()} can select. */
  long MAX_EXECUTABLE_SIZE = 256L << 20;

  /** True when the scanner wants the file at {@code path}. */
  boolean wants(String path);

  /**
   * Byte strings that make the scanner want an executable ELF file wherever it lies, see above;
   * none by default.
   */
  default List<byte[]> executableMarkers() {
    return List.of();
  }

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

  /** Wants no path, but every executable ELF file whose content holds {@code marker}. */
  static FileFilter executablesContaining(byte[] marker) {
    byte[] copy = marker.clone();
    return new FileFilter() {
      @Override
      public boolean wants(String path) {
        return false;
      }

      @Override
      public List<byte[]> executableMarkers() {
        return List.of(copy);
      }
    };
  }

  /** Wants what either filter wants. */
  default FileFilter or(FileFilter other) {
    FileFilter self = this;
    List<byte[]> markers = new ArrayList<>(executableMarkers());
    markers.addAll(other.executableMarkers());
    List<byte[]> allMarkers = List.copyOf(markers);
    return new FileFilter() {
      @Override
      public boolean wants(String path) {
        return self.wants(path) || other.wants(path);
      }

      @Override
      public List<byte[]> executableMarkers() {
        return allMarkers;
      }
    };
  }
}
