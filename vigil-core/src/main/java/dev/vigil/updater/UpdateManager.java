package dev.vigil.updater;

import dev.vigil.datastore.VulnerabilityStore;
import dev.vigil.model.UpdateOperation;
import dev.vigil.model.Vulnerability;
import dev.vigil.progress.ProgressListener;
import dev.vigil.spi.EnrichmentUpdater;
import dev.vigil.spi.FetchResult;
import dev.vigil.spi.Updater;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs updaters into a store: fetch into a scratch directory, parse, commit one update operation. A
 * failing updater is reported and leaves the store as it was; the others still run.
 */
public final class UpdateManager {
  private static final Logger LOG = LoggerFactory.getLogger(UpdateManager.class);

  private final VulnerabilityStore store;
  private final ProgressListener progress;

  /** A manager writing into {@code store}. */
  public UpdateManager(VulnerabilityStore store) {
    this(store, ProgressListener.NONE);
  }

  /** A manager writing into {@code store} and telling {@code progress} each step. */
  public UpdateManager(VulnerabilityStore store, ProgressListener progress) {
    this.store = store;
    this.progress = progress;
  }

  /** Runs each updater in turn and reports what each did. */
  public List<UpdateOutcome> runAll(List<Updater> updaters) {
    List<UpdateOutcome> outcomes = new ArrayList<>();
    for (Updater updater : updaters) {
      outcomes.add(run(updater));
    }
    return outcomes;
  }

  /** Runs one updater; never throws for feed or store trouble, which becomes a FAILED outcome. */
  public UpdateOutcome run(Updater updater) {
    String name = updater.name();
    try (ScratchDirectory scratch = ScratchDirectory.create("vigil-update-" + name)) {
      String previous =
          store.latestUpdateOperation(name).map(UpdateOperation::fingerprint).orElse("");
      progress.updating(name, "fetching");
      FetchResult fetched = updater.fetch(scratch.dir(), previous);
      if (!fetched.changed()) {
        LOG.info("updater unchanged: updater={}", name);
        return new UpdateOutcome(name, UpdateOutcome.Status.UNCHANGED, 0, "");
      }
      return commit(updater, scratch.dir(), fetched.fingerprint());
    } catch (IOException | RuntimeException e) {
      return failed(name, e);
    } finally {
      progress.updateEnded(name);
    }
  }

  /**
   * Parses what an earlier fetch of {@code updater} left in {@code dir} (an imported archive) and
   * commits it as one update operation with {@code fingerprint}; never throws for feed or store
   * trouble, which becomes a FAILED outcome and leaves the updater's data as it was.
   */
  public UpdateOutcome runFrom(Updater updater, Path dir, String fingerprint) {
    try {
      return commit(updater, dir, fingerprint);
    } catch (IOException | RuntimeException e) {
      return failed(updater.name(), e);
    } finally {
      progress.updateEnded(updater.name());
    }
  }

  private UpdateOutcome commit(Updater updater, Path dir, String fingerprint) throws IOException {
    String name = updater.name();
    if (updater instanceof EnrichmentUpdater enrichments) {
      progress.updating(name, "parsing");
      UpdateOperation operation =
          store.updateEnrichments(
              name, fingerprint, sink -> enrichments.parseEnrichments(dir, sink));
      int records = store.enrichmentCount(operation.ref());
      LOG.info("updater committed: updater={} enrichments={}", name, records);
      return new UpdateOutcome(name, UpdateOutcome.Status.UPDATED, records, "", true);
    }
    progress.updating(name, "parsing");
    List<Vulnerability> vulnerabilities = updater.parse(dir);
    progress.updating(name, "committing");
    store.updateVulnerabilities(name, fingerprint, vulnerabilities);
    LOG.info("updater committed: updater={} vulnerabilities={}", name, vulnerabilities.size());
    return new UpdateOutcome(name, UpdateOutcome.Status.UPDATED, vulnerabilities.size(), "");
  }

  private static UpdateOutcome failed(String name, Exception e) {
    LOG.warn("updater failed: updater={} error={}", name, e.toString());
    return new UpdateOutcome(name, UpdateOutcome.Status.FAILED, 0, oneLine(e));
  }

  private static String oneLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
