package dev.vigil.concurrent;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for work another thread does, rethrowing its failure as it was thrown. */
public final class Futures {
  private Futures() {}

  /**
   * The value of {@code future}, waiting for it.
   *
   * @param what names the awaited work in the message of an interruption
   * @throws IOException the work's own {@link IOException}, or an interruption; the work's
   *     unchecked exceptions and errors are rethrown as they are
   */
  public static <T> T await(Future<T> future, String what) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for " + what);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IOException(what + ": " + e.getCause(), e.getCause());
    }
  }
}
