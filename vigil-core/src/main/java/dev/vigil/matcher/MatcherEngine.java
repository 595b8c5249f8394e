package dev.vigil.matcher;

import dev.vigil.datastore.VulnerabilityStore;
import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Package;
import dev.vigil.model.Vulnerability;
import dev.vigil.model.VulnerabilityReport;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import dev.vigil.spi.Matcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns an index report into a vulnerability report by asking each matcher which stored
 * vulnerabilities affect which packages. Nothing is re-scanned: the report is computed from the
 * index report and the store as they are now.
 *
 * <p>Thread-safe when the matchers and the store are.
 */
public final class MatcherEngine {
  private static final Comparator<Vulnerability> MOST_SEVERE_FIRST =
      Comparator.comparing(Vulnerability::normalizedSeverity)
          .reversed()
          .thenComparing(Vulnerability::name);

  private final List<Matcher> matchers;
  private final VulnerabilityStore store;

  /** An engine over the given matchers and store. */
  public MatcherEngine(List<Matcher> matchers, VulnerabilityStore store) {
    this.matchers = List.copyOf(matchers);
    this.store = store;
  }

  /** Computes the vulnerability report of {@code index}. */
  public VulnerabilityReport match(IndexReport index) {
    List<IndexRecord> records = records(index);
    Map<String, Map<String, Vulnerability>> affecting = new TreeMap<>();
    for (Matcher matcher : matchers) {
      List<IndexRecord> mine = records.stream().filter(matcher::filter).toList();
      if (mine.isEmpty()) {
        continue;
      }
      Map<String, Map<String, Vulnerability>> candidates = new HashMap<>();
      for (Set<MatchConstraint> query : matcher.queries()) {
        store
            .candidates(mine, query, matcher.updaters())
            .forEach(
                (packageId, found) ->
                    found.forEach(
                        v ->
                            candidates
                                .computeIfAbsent(packageId, id -> new LinkedHashMap<>())
                                .putIfAbsent(v.id(), v)));
      }
      for (IndexRecord record : mine) {
        Map<String, Vulnerability> offered = candidates.get(record.pkg().id());
        if (offered == null) {
          continue;
        }
        for (Vulnerability v : matcher.affecting(record, List.copyOf(offered.values()))) {
          affecting.computeIfAbsent(record.pkg().id(), id -> new LinkedHashMap<>()).put(v.id(), v);
        }
      }
    }
    Map<String, Vulnerability> vulnerabilities = new TreeMap<>();
    Map<String, List<String>> packageVulnerabilities = new LinkedHashMap<>();
    for (String packageId : index.packages().keySet()) {
      Map<String, Vulnerability> found = affecting.get(packageId);
      if (found == null) {
        continue;
      }
      List<Vulnerability> sorted = new ArrayList<>(found.values());
      sorted.sort(MOST_SEVERE_FIRST);
      packageVulnerabilities.put(packageId, sorted.stream().map(Vulnerability::id).toList());
      sorted.forEach(v -> vulnerabilities.put(v.id(), v));
    }
    return new VulnerabilityReport(
        index.manifestHash(),
        index.packages(),
        index.distributions(),
        index.repository(),
        index.environments(),
        vulnerabilities,
        packageVulnerabilities,
        Map.of());
  }

  /**
   * The records matchers judge: one per package and each distinct (distribution, repository) pair
   * of its environments, so that every repository of a package is considered; a package without
   * environments or repositories gets one record without repository. Findings stay one per package
   * and vulnerability however many records found them.
   */
  public static List<IndexRecord> records(IndexReport index) {
    List<IndexRecord> records = new ArrayList<>();
    for (Package pkg : index.packages().values()) {
      List<Environment> environments = index.environments().getOrDefault(pkg.id(), List.of());
      if (environments.isEmpty()) {
        records.add(new IndexRecord(pkg, null, null));
        continue;
      }
      Set<IndexRecord> mine = new LinkedHashSet<>();
      for (Environment env : environments) {
        Distribution distribution = index.distributions().get(env.distributionId());
        if (env.repositoryIds().isEmpty()) {
          mine.add(new IndexRecord(pkg, distribution, null));
        }
        for (String repositoryId : env.repositoryIds()) {
          mine.add(new IndexRecord(pkg, distribution, index.repository().get(repositoryId)));
        }
      }
      records.addAll(mine);
    }
    return records;
  }
}
