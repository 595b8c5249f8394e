package dev.vigil.cli.policy;

/**
 * A finding that an ignore file or a VEX statement took out of the report.
 *
 * @param finding the finding
 * @param source where the suppression came from
 * @param status {@code ignored} for the ignore file; the VEX status ({@code not_affected}, {@code
 *     fixed}) for VEX
 * @param justification the VEX justification label, e.g. {@code vulnerable_code_not_present}, or
 *     empty
 * @param statement the reason given: the ignore entry's statement or the VEX impact statement, or
 *     empty
 */
public record Suppressed(
    Finding finding, Source source, String status, String justification, String statement) {

  /** Where a suppression came from. */
  public enum Source {
    /** An entry of the {@code --ignore-file}. */
    IGNORE_FILE("ignore file"),
    /** A statement of a {@code --vex} document. */
    VEX("VEX");

    private final String label;

    Source(String label) {
      this.label = label;
    }

    /** How reports name the source. */
    public String label() {
      return label;
    }
  }

  /** The justification if any, else the statement: what a report shows as the reason. */
  public String reason() {
    if (!justification.isEmpty() && !statement.isEmpty()) {
      return justification + ": " + statement;
    }
    return justification.isEmpty() ? statement : justification;
  }
}
