package dev.vigil.cli;

import dev.vigil.model.Severity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads severity names case-insensitively, Clair's (Unknown, Negligible, Low, Medium, High,
 * Critical) and Trivy's (UNKNOWN, LOW, MEDIUM, HIGH, CRITICAL) alike; anything else is an error.
 */
final class SeverityConverter implements ITypeConverter<Severity> {

  @Override
  public Severity convert(String value) {
    for (Severity s : Severity.values()) {
      if (s.name().equalsIgnoreCase(value.strip())) {
        return s;
      }
    }
    throw new TypeConversionException(
        "'" + value + "' is not a severity (Unknown, Negligible, Low, Medium, High, Critical)");
  }
}
