package dev.vigil.layer;

import java.io.IOException;
import java.io.InputStream;

/**
 * One entry of a layer as it streams past.
 *
 * @param path the entry's path as stored in the layer, not yet checked or normalized
 * @param type what kind of entry it is
 * @param linkTarget the target of a symbolic or hard link, else empty
 * @param size the content size of a regular file, else 0
 * @param content the content of a regular file, valid only during the visit
 * @param executable true for a regular file with an execute permission bit set
 */
public record LayerEntry(
    String path, Type type, String linkTarget, long size, InputStream content, boolean executable) {

  /** An entry that is not an executable file. */
  public LayerEntry(String path, Type type, String linkTarget, long size, InputStream content) {
    this(path, type, linkTarget, size, content, false);
  }

  /** Entry kinds. */
  public enum Type {
    /** A regular file. */
    FILE,
    /** A directory. */
    DIRECTORY,
    /** A symbolic link. */
    SYMLINK,
    /** A hard link to an earlier entry of the same layer. */
    HARDLINK,
    /** A device, fifo or anything else with no content. */
    OTHER
  }

  /** Receives the entries of a layer. */
  @FunctionalInterface
  public interface Visitor {
    /** Handles one entry; its content may be read only during this call. */
    void visit(LayerEntry entry) throws IOException;
  }
}
