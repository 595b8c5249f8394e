package dev.vigil.cli.klar;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings grouped by severity, as klar's store: in Clair's order within a severity, walked from a
 * lowest severity up (klar's {@code iteratePriorities}), skipping empty and unknown severities.
 */
public final class KlarFindings {
  private final Map<String, List<KlarVulnerability>> bySeverity = new LinkedHashMap<>();
  private final int total;

  /** Groups {@code vulnerabilities} by their severity string. */
  public KlarFindings(List<KlarVulnerability> vulnerabilities) {
    for (KlarVulnerability v : vulnerabilities) {
      bySeverity.computeIfAbsent(v.severity(), s -> new ArrayList<>()).add(v);
    }
    total = vulnerabilities.size();
  }

  /** How many findings there are, of any severity. */
  public int total() {
    return total;
  }

  /** The non-empty groups from {@code lowest} up, in klar's priority order. */
  public Map<String, List<KlarVulnerability>> from(String lowest) {
    Map<String, List<KlarVulnerability>> groups = new LinkedHashMap<>();
    List<String> priorities = KlarConfig.PRIORITIES;
    for (String severity : priorities.subList(priorities.indexOf(lowest), priorities.size())) {
      List<KlarVulnerability> group = bySeverity.getOrDefault(severity, List.of());
      if (!group.isEmpty()) {
        groups.put(severity, group);
      }
    }
    return groups;
  }

  /** The findings from {@code lowest} up, in the order klar prints them. */
  public List<KlarVulnerability> shown(String lowest) {
    return from(lowest).values().stream().flatMap(List::stream).toList();
  }

  /**
   * How many findings count against the threshold: those from {@code lowest} up, only those with a
   * fix when {@code ignoreUnfixed}.
   */
  public int counted(String lowest, boolean ignoreUnfixed) {
    return (int)
        shown(lowest).stream().filter(v -> !ignoreUnfixed || !v.fixedBy().isEmpty()).count();
  }

  /** The lines {@code Severity: N} for every non-empty severity, lowest first. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    from(KlarConfig.PRIORITIES.get(0))
        .forEach((sev, group) -> out.append(sev).append(": ").append(group.size()).append('\n'));
    return out.toString();
  }
}
