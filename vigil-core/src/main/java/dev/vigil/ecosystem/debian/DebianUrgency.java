package dev.vigil.ecosystem.debian;

import dev.vigil.model.Severity;
import java.util.Locale;

/**
 * Maps the Debian security tracker's urgencies onto Clair's severities: {@code unimportant} →
 * Negligible, {@code low} → Low, {@code medium} → Medium, {@code high} → High; {@code not yet
 * assigned}, {@code end-of-life} and anything else → Unknown. The {@code *} and {@code **} suffixes
 * (urgencies taken over from elsewhere) are ignored.
 */
public final class DebianUrgency {
  private DebianUrgency() {}

  /** The severity of an urgency as the tracker spells it. */
  public static Severity normalize(String urgency) {
    String u = urgency == null ? "" : urgency.strip().toLowerCase(Locale.ROOT);
    while (u.endsWith("*")) {
      u = u.substring(0, u.length() - 1);
    }
    return switch (u) {
      case "unimportant" -> Severity.Negligible;
      case "low" -> Severity.Low;
      case "medium" -> Severity.Medium;
      case "high" -> Severity.High;
      default -> Severity.Unknown;
    };
  }
}
