package dev.vigil.store;

import dev.vigil.model.Vulnerability;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** List helpers for comparing stored vulnerabilities with what went in. */
final class VulnLists {
  private VulnLists() {}

  static List<Vulnerability> concat(List<Vulnerability> a, List<Vulnerability> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }

  /** The distinct statements about package {@code pkg}. */
  static List<Vulnerability> named(List<Vulnerability> vulns, String pkg) {
    return vulns.stream().filter(v -> v.pkg().name().equals(pkg)).distinct().toList();
  }

  /** The vulnerabilities with their store ids blanked, as they went in. */
  static List<Vulnerability> withoutIds(List<Vulnerability> vulns) {
    return vulns.stream().map(v -> v.withId("")).toList();
  }

  /** The store id of the vulnerability that went in as {@code wanted}. */
  static String idOf(List<Vulnerability> vulns, Vulnerability wanted) {
    return vulns.stream().filter(v -> v.withId("").equals(wanted)).findFirst().orElseThrow().id();
  }

  /** The updaters of all candidates. */
  static Set<String> updaters(Map<String, List<Vulnerability>> found) {
    return found.values().stream()
        .flatMap(List::stream)
        .map(Vulnerability::updater)
        .collect(Collectors.toSet());
  }
}
