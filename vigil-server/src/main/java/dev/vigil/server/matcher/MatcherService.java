package dev.vigil.server.matcher;

import dev.vigil.datastore.VulnerabilityStore;
import dev.vigil.matcher.MatcherEngine;
import dev.vigil.model.IndexReport;
import dev.vigil.model.UpdateOperation;
import dev.vigil.model.VulnerabilityReport;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * The matcher service: vulnerability reports computed from an index report and the store as it is
 * now (with a cache that a new update operation invalidates within a second), and the update
 * operations behind them.
 *
 * <p>Thread-safe.
 */
public final class MatcherService {
  private static final int CACHED_REPORTS = 64;
  private static final long DATA_VERSION_NANOS = Duration.ofSeconds(1).toNanos();

  private final MatcherEngine engine;
  private final VulnerabilityStore store;
  private final BooleanSupplier updatesSettled;
  private final ReportCache cache = new ReportCache(CACHED_REPORTS);
  private volatile DataVersion dataVersion;

  /** A data version and when it was read. */
  private record DataVersion(String refs, long readAt) {}

  /**
   * A service matching with {@code engine} against {@code store}.
   *
   * @param updatesSettled true once the first update run has completed (or none will run)
   */
  public MatcherService(
      MatcherEngine engine, VulnerabilityStore store, BooleanSupplier updatesSettled) {
    this.engine = engine;
    this.store = store;
    this.updatesSettled = updatesSettled;
  }

  /** True when reports can be computed: vulnerability data exists or the first update is over. */
  public boolean initialized() {
    return updatesSettled.getAsBoolean() || !store.updateOperations().isEmpty();
  }

  /** The vulnerability report of {@code index}. */
  public VulnerabilityReport scan(IndexReport index) {
    ReportCache.Key key = new ReportCache.Key(index, dataVersion());
    Optional<VulnerabilityReport> cached = cache.get(key);
    if (cached.isPresent()) {
      return cached.get();
    }
    VulnerabilityReport report = engine.match(index);
    cache.put(key, report);
    return report;
  }

  /** Every operation by updater (newest first), or only the newest of each when {@code latest}. */
  public Map<String, List<UpdateOperation>> updateOperations(boolean latest) {
    Map<String, List<UpdateOperation>> all = store.updateOperations();
    if (!latest) {
      return all;
    }
    Map<String, List<UpdateOperation>> newest = new LinkedHashMap<>();
    all.forEach((updater, ops) -> newest.put(updater, ops.subList(0, 1)));
    return newest;
  }

  /** The newest operation of any updater, if any ran. */
  public Optional<UpdateOperation> latestUpdateOperation() {
    return store.updateOperations().values().stream()
        .map(ops -> ops.get(0))
        .max(Comparator.comparing(UpdateOperation::date));
  }

  /**
   * The difference between two operations.
   *
   * @param prev the earlier operation, or null to diff against nothing
   * @return empty when either operation is unknown
   */
  public Optional<UpdateDiff> updateDiff(UUID prev, UUID cur) {
    return UpdateDiff.between(store, prev, cur);
  }

  /** Deletes the operations {@code refs}; returns those that existed. */
  public List<UUID> deleteUpdateOperations(List<UUID> refs) {
    return store.deleteUpdateOperations(refs);
  }

  /**
   * An opaque token that changes whenever the vulnerability data does: the newest operation of
   * every updater, read from the store at most once a second (so a new update is seen within a
   * second, by every replica).
   */
  public String dataVersion() {
    DataVersion current = dataVersion;
    long now = System.nanoTime();
    if (current == null || now - current.readAt() > DATA_VERSION_NANOS) {
      StringBuilder refs = new StringBuilder();
      store.updateOperations().forEach((updater, ops) -> refs.append(ops.get(0).ref()).append(','));
      current = new DataVersion(refs.toString(), now);
      dataVersion = current;
    }
    return current.refs();
  }
}
