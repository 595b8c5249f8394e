package dev.vigil.feed;

/**
 * The outcome of {@link FeedClient#fetch}.
 *
 * @param status whether the body was written or the source reported no change
 * @param validators the validators to send next time (the previous ones when not modified)
 */
public record FeedResponse(Status status, Validators validators) {

  /** Whether a fetch wrote a new body. */
  public enum Status {
    /** The body was written to the target. */
    OK,
    /** The source reported that nothing changed; the target was left alone. */
    NOT_MODIFIED
  }

  /** True when the source reported no change. */
  public boolean notModified() {
    return status == Status.NOT_MODIFIED;
  }
}
