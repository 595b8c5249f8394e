package dev.vigil.ecosystem.ubuntu;

import dev.vigil.model.Severity;
import java.util.Locale;

/**
 * Maps Ubuntu CVE priorities onto Clair's severities: {@code negligible}, {@code low}, {@code
 * medium}, {@code high} and {@code critical} become the severity of the same name, case aside;
 * anything else (e.g. the {@code None} of notices without CVEs) is Unknown.
 */
public final class UbuntuPriority {
  private UbuntuPriority() {}

  /** The severity of a priority as Canonical spells it. */
  public static Severity normalize(String priority) {
    return switch (priority == null ? "" : priority.strip().toLowerCase(Locale.ROOT)) {
      case "negligible" -> Severity.Negligible;
      case "low" -> Severity.Low;
      case "medium" -> Severity.Medium;
      case "high" -> Severity.High;
      case "critical" -> Severity.Critical;
      default -> Severity.Unknown;
    };
  }
}
