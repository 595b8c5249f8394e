package dev.vigil.server.indexer;

/**
 * The indexer already runs as many index runs as {@code index_report_request_concurrency} allows;
 * the request may be retried later.
 */
public final class IndexerBusyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A refusal at {@code limit} runs. */
  public IndexerBusyException(int limit) {
    super("the indexer is busy: " + limit + " index runs in progress; retry later");
  }
}
