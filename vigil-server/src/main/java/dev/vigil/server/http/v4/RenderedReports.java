package dev.vigil.server.http.v4;

import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import dev.vigil.server.indexer.IndexReportLookup;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Vulnerability report bodies as last written, per manifest, for the version of the vulnerability
 * data they were computed with. A body is served again without reading anything while the data
 * version is the same and it was checked within the recheck interval; after that the index report
 * is read again and the body is kept only if the report is unchanged. So a re-indexed manifest or
 * new vulnerability data shows within the interval, and the hot path is a map lookup.
 *
 * <p>Thread-safe.
 */
final class RenderedReports {
  private final int capacity;
  private final long recheckNanos;
  private final Map<Digest, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);

  /** A body and what it was computed from. */
  private record Entry(IndexReport index, String dataVersion, byte[] body, long checkedAt) {}

  RenderedReports(int capacity, Duration recheck) {
    this.capacity = capacity;
    this.recheckNanos = recheck.toNanos();
  }

  /**
   * The body of {@code manifest}'s report at {@code dataVersion}.
   *
   * @param render writes the body of an index report's vulnerability report
   * @return empty when the manifest has no index report
   * @throws IOException when the index report cannot be read
   */
  Optional<byte[]> body(
      Digest manifest,
      String dataVersion,
      IndexReportLookup lookup,
      Function<IndexReport, byte[]> render)
      throws IOException {
    long now = System.nanoTime();
    Entry entry = get(manifest);
    boolean sameData = entry != null && entry.dataVersion().equals(dataVersion);
    if (sameData && now - entry.checkedAt() < recheckNanos) {
      return Optional.of(entry.body());
    }
    Optional<IndexReport> index = lookup.indexReport(manifest);
    if (index.isEmpty()) {
      remove(manifest);
      return Optional.empty();
    }
    byte[] body =
        sameData && entry.index().equals(index.get()) ? entry.body() : render.apply(index.get());
    put(manifest, new Entry(index.get(), dataVersion, body, now));
    return Optional.of(body);
  }

  private synchronized Entry get(Digest manifest) {
    return entries.get(manifest);
  }

  private synchronized void remove(Digest manifest) {
    entries.remove(manifest);
  }

  private synchronized void put(Digest manifest, Entry entry) {
    entries.put(manifest, entry);
    if (entries.size() > capacity) {
      entries.remove(entries.keySet().iterator().next());
    }
  }
}
