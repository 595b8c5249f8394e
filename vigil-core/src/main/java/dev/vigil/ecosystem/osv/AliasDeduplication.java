package dev.vigil.ecosystem.osv;

import dev.vigil.model.Vulnerability;
import dev.vigil.spi.MatchConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps one record per vulnerability and package where several records alias each other (a GHSA, a
 * PYSEC and a CVE id for one flaw), so that one finding is reported once. Records are grouped by
 * their ids and aliases, transitively; for each package of a group the statements of one record are
 * kept: a GitHub advisory ({@code GHSA-}) first, as Grype and Trivy take GitHub's database as the
 * source for language packages, else the smallest id. The kept statements' links name every id of
 * the group, so the CVE ids stay findable.
 */
final class AliasDeduplication {
  private static final Comparator<OsvRecord> PREFERENCE =
      Comparator.comparing((OsvRecord r) -> !r.id().startsWith("GHSA-"))
          .thenComparing(OsvRecord::id);

  private final Map<String, String> parent = new HashMap<>();
  private final List<OsvRecord> records = new ArrayList<>();

  /** Adds a record. */
  void add(OsvRecord record) {
    records.add(record);
    for (String alias : record.aliases()) {
      union(record.id(), alias);
    }
    find(record.id());
  }

  /** The statements to store: one record's per alias group and package. */
  List<Vulnerability> statements() {
    Map<String, List<String>> groupIds = new LinkedHashMap<>();
    for (String id : parent.keySet().stream().sorted().toList()) {
      groupIds.computeIfAbsent(find(id), k -> new ArrayList<>()).add(id);
    }
    Map<String, OsvRecord> chosen = new HashMap<>();
    for (OsvRecord record : records) {
      for (Vulnerability v : record.statements()) {
        String key = find(record.id()) + " " + MatchConstraint.foldName(v.pkg().name());
        chosen.merge(key, record, (a, b) -> PREFERENCE.compare(a, b) <= 0 ? a : b);
      }
    }
    List<Vulnerability> out = new ArrayList<>();
    for (OsvRecord record : records) {
      String root = find(record.id());
      for (Vulnerability v : record.statements()) {
        String key = root + " " + MatchConstraint.foldName(v.pkg().name());
        if (chosen.get(key) == record) {
          out.add(withLinks(v, record.id(), groupIds.get(root)));
        }
      }
    }
    return out;
  }

  private static Vulnerability withLinks(Vulnerability v, String id, List<String> group) {
    List<String> links = new ArrayList<>(List.of(v.links().split(" ")));
    for (String other : group) {
      String link = OsvRecordReader.OSV_PAGE + other;
      if (!other.equals(id) && !links.contains(link)) {
        links.add(link);
      }
    }
    return new Vulnerability(
        v.id(),
        v.updater(),
        v.name(),
        v.description(),
        v.issued(),
        String.join(" ", links),
        v.severity(),
        v.normalizedSeverity(),
        v.pkg(),
        v.distribution(),
        v.repository(),
        v.fixedInVersion(),
        v.archOp());
  }

  private String find(String id) {
    String root = parent.computeIfAbsent(id, k -> k);
    while (!root.equals(parent.get(root))) {
      root = parent.get(root);
    }
    String node = id;
    while (!node.equals(root)) {
      String next = parent.get(node);
      parent.put(node, root);
      node = next;
    }
    return root;
  }

  private void union(String a, String b) {
    String ra = find(a);
    String rb = find(b);
    if (!ra.equals(rb)) {
      parent.put(ra.compareTo(rb) < 0 ? rb : ra, ra.compareTo(rb) < 0 ? ra : rb);
    }
  }
}
