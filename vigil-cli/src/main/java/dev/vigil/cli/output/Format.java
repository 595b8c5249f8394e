package dev.vigil.cli.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The output formats, by the names {@code --format} takes. */
public enum Format {
  /** A human-readable table. */
  TABLE(TableWriter::new),
  /** Clair v4's VulnerabilityReport JSON. */
  JSON(JsonWriter::new),
  /** SARIF 2.1.0, for code-scanning dashboards. */
  SARIF(SarifWriter::new),
  /** CycloneDX 1.6 JSON with vulnerabilities. */
  CYCLONEDX(CycloneDxWriter::new),
  /** SPDX 2.3 JSON. */
  SPDX(SpdxWriter::new),
  /** JUnit XML, one test case per finding. */
  JUNIT(JunitWriter::new),
  /** One self-contained HTML page, readable on a phone and printable. */
  HTML(HtmlWriter::new);

  private final Supplier<ReportWriter> writer;

  Format(Supplier<ReportWriter> writer) {
    this.writer = writer;
  }

  /** A writer for this format. */
  public ReportWriter writer() {
    return writer.get();
  }

  /** The name {@code --format} takes, e.g. {@code cyclonedx}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format of a name, case-insensitively.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static Format of(String name) {
    for (Format f : values()) {
      if (f.label().equalsIgnoreCase(name.strip())) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + name + "' (known: " + names() + ")");
  }

  /** The known names, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(Format::label).collect(Collectors.joining(", "));
  }
}
