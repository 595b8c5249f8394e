package dev.vigil.server.indexer;

import dev.vigil.datastore.IndexStore;
import dev.vigil.matcher.MatcherEngine;
import dev.vigil.model.Digest;
import dev.vigil.model.Distribution;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.IndexRecord;
import dev.vigil.spi.MatchConstraint;
import dev.vigil.spi.Matcher;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs vulnerabilities "backwards" through the indexed manifests: which manifests hold a package
 * that a vulnerability affects, judged by the same matchers as reports are.
 *
 * <p>Every stored report is read, one page of digests at a time (so memory does not grow with the
 * number of indexed manifests, though time does).
 */
public final class AffectedManifests {
  private static final int PAGE = 500;
  private final IndexStore store;
  private final List<Matcher> matchers;

  /** A finder over {@code store}'s reports using {@code matchers}. */
  public AffectedManifests(IndexStore store, List<Matcher> matchers) {
    this.store = store;
    this.matchers = List.copyOf(matchers);
  }

  /**
   * The manifests affected by {@code vulnerabilities}.
   *
   * @param vulnerabilities by their identifier in the answer
   * @return vulnerability identifiers by affected manifest
   */
  public Map<Digest, Set<String>> find(Map<String, Vulnerability> vulnerabilities) {
    Map<Digest, Set<String>> affected = new LinkedHashMap<>();
    List<Digest> page = store.indexedManifests(null, PAGE);
    while (!page.isEmpty()) {
      for (Digest manifest : page) {
        store.indexReport(manifest).ifPresent(r -> find(manifest, r, vulnerabilities, affected));
      }
      page = page.size() < PAGE ? List.of() : store.indexedManifests(page.get(PAGE - 1), PAGE);
    }
    return affected;
  }

  /** Adds what {@code report}'s manifest is affected by to {@code affected}. */
  private void find(
      Digest manifest,
      IndexReport report,
      Map<String, Vulnerability> vulnerabilities,
      Map<Digest, Set<String>> affected) {
    if (!report.success()) {
      return;
    }
    for (IndexRecord record : MatcherEngine.records(report)) {
      for (Matcher matcher : matchers) {
        if (!matcher.filter(record)) {
          continue;
        }
        vulnerabilities.forEach(
            (id, vulnerability) -> {
              if (candidate(record, vulnerability, matcher)
                  && matcher.vulnerable(record, vulnerability)) {
                affected.computeIfAbsent(manifest, m -> new LinkedHashSet<>()).add(id);
              }
            });
      }
    }
  }

  /** Whether the store would have offered {@code v} to {@code matcher} for {@code record}. */
  private static boolean candidate(IndexRecord record, Vulnerability v, Matcher matcher) {
    if (v.updater() != null
        && !v.updater().isEmpty()
        && !matcher.updaters().contains(v.updater())) {
      return false;
    }
    String name = v.pkg() == null ? "" : orEmpty(v.pkg().name());
    for (MatchConstraint constraint : matcher.query()) {
      boolean equal =
          switch (constraint) {
            case PACKAGE_NAME -> name.equals(orEmpty(record.pkg().name()));
            case PACKAGE_SOURCE_NAME -> name.equals(orEmpty(record.pkg().sourceName()));
            case PACKAGE_NAME_FOLDED ->
                MatchConstraint.foldName(name)
                    .equals(MatchConstraint.foldName(orEmpty(record.pkg().name())));
            case DISTRIBUTION_DID -> sameDist(record, v, Distribution::did);
            case DISTRIBUTION_VERSION_ID -> sameDist(record, v, Distribution::versionId);
            case DISTRIBUTION_VERSION_CODE_NAME ->
                sameDist(record, v, Distribution::versionCodeName);
            case DISTRIBUTION_PRETTY_NAME -> sameDist(record, v, Distribution::prettyName);
            case REPOSITORY_NAME ->
                orEmpty(record.repository() == null ? null : record.repository().name())
                    .equals(orEmpty(v.repository() == null ? null : v.repository().name()));
          };
      if (!equal) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameDist(
      IndexRecord record, Vulnerability v, Function<Distribution, String> field) {
    String mine = record.distribution() == null ? "" : orEmpty(field.apply(record.distribution()));
    String theirs = v.distribution() == null ? "" : orEmpty(field.apply(v.distribution()));
    return mine.equals(theirs);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
