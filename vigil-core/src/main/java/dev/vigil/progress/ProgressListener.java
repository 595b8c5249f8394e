package dev.vigil.progress;

/**
 * Hears about long work (layer downloads, indexing, feed updates) so a front end can show progress;
 * every method does nothing by default and must return quickly.
 */
public interface ProgressListener {

  /** A listener that ignores everything. */
  ProgressListener NONE = new ProgressListener() {};

  /**
   * Reports bytes of a download so far.
   *
   * @param digest the blob being downloaded
   * @param done bytes received so far
   * @param total the blob's size, or -1 when unknown
   */
  default void downloading(String digest, long done, long total) {}

  /**
   * Reports a finished download.
   *
   * @param digest the blob downloaded
   * @param bytes its size
   * @param nanos how long it took
   */
  default void downloaded(String digest, long bytes, long nanos) {}

  /**
   * Reports that one layer of an image has been indexed.
   *
   * @param index the layer's position, from 1
   * @param count how many layers the image has
   */
  default void indexed(int index, int count) {}

  /**
   * Reports the step an updater has reached.
   *
   * @param updater the updater's name
   * @param step {@code fetching}, {@code parsing} or {@code committing}
   */
  default void updating(String updater, String step) {}

  /**
   * Reports that an updater's run ended, whatever its outcome.
   *
   * @param updater the updater's name
   */
  default void updateEnded(String updater) {}
}
