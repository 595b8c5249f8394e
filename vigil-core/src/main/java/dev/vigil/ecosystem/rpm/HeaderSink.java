package dev.vigil.ecosystem.rpm;

/**
 * Receives what a database reader finds, one record at a time, so that a large database never has
 * to be held in memory whole.
 */
interface HeaderSink {

  /** Takes the header blob stored as record {@code id}. */
  void header(long id, byte[] blob);

  /** Notes that record {@code id} could not be read, and why; reading goes on. */
  void damaged(long id, String problem);
}
