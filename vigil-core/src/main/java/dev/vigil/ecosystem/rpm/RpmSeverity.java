package dev.vigil.ecosystem.rpm;

import dev.vigil.model.Severity;
import java.util.Locale;

/**
 * The severities rpm distributions give their advisories, on Clair's scale: Red Hat's words, which
 * Oracle, Rocky, AlmaLinux, SUSE, Photon and Amazon use too ({@code Critical}, {@code Important},
 * {@code Moderate}, {@code Low}, in any case), and Clair's own names ({@code High}, {@code
 * Medium}…).
 */
public final class RpmSeverity {

  private RpmSeverity() {}

  /** The severity {@code text} names, {@link Severity#Unknown} when none. */
  public static Severity of(String text) {
    String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return switch (word) {
      case "important" -> Severity.High;
      case "moderate" -> Severity.Medium;
      default -> Severity.parse(word);
    };
  }
}
