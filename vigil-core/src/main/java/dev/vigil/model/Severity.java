package dev.vigil.model;

import java.util.Locale;

/** Clair's normalized severities, in increasing order. */
public enum Severity {
  Unknown,
  Negligible,
  Low,
  Medium,
  High,
  Critical;

  /**
   * Parses a severity name case-insensitively; {@code Unknown} for anything else.
   *
   * @param text a name such as {@code high} or {@code CRITICAL}
   */
  public static Severity parse(String text) {
    if (text != null) {
      for (Severity s : values()) {
        if (s.name().equalsIgnoreCase(text.trim())) {
          return s;
        }
      }
    }
    return Unknown;
  }

  /** The upper-case name, as Trivy and klar print severities. */
  public String upper() {
    return name().toUpperCase(Locale.ROOT);
  }
}
