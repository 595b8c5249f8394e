package dev.vigil.spi;

import dev.vigil.model.Vulnerability;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Brings one feed into the store in two steps, as claircore's updaters do: {@link #fetch} copies
 * the feed's raw files into a directory, {@link #parse} turns that directory into vulnerabilities.
 * Keeping them apart makes air-gapped export/import a copy of the directory.
 *
 * <p>Implementations are thread-safe; one instance serves one source.
 */
public interface Updater {

  /** A short, stable name, e.g. {@code alpine}; also the updater name stored with its data. */
  String name();

  /**
   * Fetches the feed's files into {@code dir}, conditionally on what the last fetch saw.
   *
   * @param dir an empty directory to write into
   * @param previousFingerprint the fingerprint of the last committed fetch, or empty
   * @throws IOException when the source cannot be reached or answers with an error
   */
  FetchResult fetch(Path dir, String previousFingerprint) throws IOException;

  /**
   * Parses the files that {@link #fetch} wrote.
   *
   * @throws ScanException when the feed is malformed
   * @throws IOException when the files cannot be read
   */
  List<Vulnerability> parse(Path dir) throws IOException;
}
