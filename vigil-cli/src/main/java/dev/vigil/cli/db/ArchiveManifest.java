package dev.vigil.cli.db;

import java.util.List;

/**
 * The {@code manifest.json} of a feed archive: what {@code vigil db export} packed, so that {@code
 * vigil db import} can tell a complete, intact, compatible archive from anything else.
 *
 * @param format always {@link #FORMAT}
 * @param version the archive layout's version; this build reads and writes {@link #VERSION}
 * @param created when the archive was written (ISO-8601)
 * @param vigilVersion the Vigil version that wrote it
 * @param updaters one entry per updater, in export order
 */
public record ArchiveManifest(
    String format, int version, String created, String vigilVersion, List<Feed> updaters) {

  /** The value of {@code format}. */
  public static final String FORMAT = "vigil-feed-archive";

  /** The archive layout this build reads and writes. */
  public static final int VERSION = 1;

  /** The archive entry holding the manifest. */
  public static final String ENTRY = "manifest.json";

  /** The archive folder holding each updater's fetched files, as {@code feeds/NAME/...}. */
  public static final String FEEDS = "feeds/";

  /** Copies the list. */
  public ArchiveManifest {
    updaters = updaters == null ? List.of() : List.copyOf(updaters);
  }

  /**
   * One updater's fetched files.
   *
   * @param name the updater's name
   * @param fingerprint what its fetch returned; stored with the imported operation
   * @param files every file its fetch wrote, by path under {@code feeds/NAME/}
   */
  public record Feed(String name, String fingerprint, List<FileEntry> files) {

    /** Copies the list. */
    public Feed {
      files = files == null ? List.of() : List.copyOf(files);
    }
  }

  /**
   * One fetched file.
   *
   * @param path the path under the updater's folder, {@code /}-separated
   * @param size its length in bytes
   * @param sha256 the hex SHA-256 of its content
   */
  public record FileEntry(String path, long size, String sha256) {}
}
