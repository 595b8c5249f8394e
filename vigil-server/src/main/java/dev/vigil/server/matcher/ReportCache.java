package dev.vigil.server.matcher;

import dev.vigil.model.IndexReport;
import dev.vigil.model.VulnerabilityReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The most recently computed vulnerability reports, keyed by the whole index report and the newest
 * update operation of every updater: a report is served from here only while neither has changed,
 * so it is exactly what matching would compute again.
 *
 * <p>Thread-safe.
 */
final class ReportCache {
  /** What a report was computed from. */
  record Key(IndexReport index, String operations) {}

  private final int capacity;
  private final Map<Key, VulnerabilityReport> reports;

  ReportCache(int capacity) {
    this.capacity = capacity;
    this.reports = new LinkedHashMap<>(16, 0.75f, true);
  }

  synchronized Optional<VulnerabilityReport> get(Key key) {
    return Optional.ofNullable(reports.get(key));
  }

  synchronized void put(Key key, VulnerabilityReport report) {
    reports.put(key, report);
    if (reports.size() > capacity) {
      reports.remove(reports.keySet().iterator().next());
    }
  }
}
