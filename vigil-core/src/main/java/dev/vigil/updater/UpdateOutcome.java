package dev.vigil.updater;

/**
 * What one updater run did.
 *
 * @param updater the updater's name
 * @param status whether the store changed, stayed as it was, or the run failed
 * @param vulnerabilities how many vulnerabilities the new operation holds (0 unless updated)
 * @param message the failure reason, one line naming the component; empty otherwise
 * @param enrichment true when the updater brings enrichment records, which {@code vulnerabilities}
 *     then counts
 */
public record UpdateOutcome(
    String updater, Status status, int vulnerabilities, String message, boolean enrichment) {

  /** The outcome of a vulnerability updater. */
  public UpdateOutcome(String updater, Status status, int vulnerabilities, String message) {
    this(updater, status, vulnerabilities, message, false);
  }

  /** What the new operation holds, e.g. {@code 12 vulnerabilities} or {@code 3 enrichments}. */
  public String counted() {
    return vulnerabilities + (enrichment ? " enrichments" : " vulnerabilities");
  }

  /** The result of a run. */
  public enum Status {
    /** A new update operation was committed. */
    UPDATED,
    /** The source had not changed since the last operation; nothing was written. */
    UNCHANGED,
    /** The run failed; the store keeps the previous data. */
    FAILED
  }
}
