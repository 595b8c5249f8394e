package dev.vigil.cli.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** How findings are listed: {@code --sort-by}. */
public enum FindingOrder {
  /** Most severe first (the default). */
  SEVERITY(Findings.ORDER),
  /** Highest CVSS base score first; findings without one last. */
  CVSS(highestFirst(r -> r.cvss())),
  /** Highest EPSS probability first; findings without one last. */
  EPSS(highestFirst(r -> r.epss()));

  private final Comparator<Finding> comparator;

  FindingOrder(Comparator<Finding> comparator) {
    this.comparator = comparator;
  }

  /** The findings in this order; ties keep the severity order. */
  public List<Finding> sort(List<Finding> findings) {
    List<Finding> sorted = new ArrayList<>(findings);
    sorted.sort(comparator);
    return sorted;
  }

  private static Comparator<Finding> highestFirst(Function<Risk, Optional<BigDecimal>> value) {
    Comparator<Optional<BigDecimal>> highest =
        Comparator.comparing(
            (Optional<BigDecimal> v) -> v.orElse(null),
            Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder()));
    return Comparator.comparing((Finding f) -> value.apply(f.risk()), highest)
        .thenComparing(Findings.ORDER);
  }
}
