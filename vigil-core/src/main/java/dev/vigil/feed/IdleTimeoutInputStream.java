package dev.vigil.feed;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Cuts off a body that stalls: when one read has waited longer than the timeout without a byte, a
 * watchdog closes the wrapped stream and that read fails with a {@link SocketTimeoutException}.
 *
 * <p>{@link java.net.http.HttpClient}'s request timeout ends once the headers arrive, so a server
 * that stops sending mid-body would otherwise block a reader forever. Only time spent inside {@code
 * read} counts: a consumer that pauses between reads is not cut off. One daemon thread serves every
 * instance. Reads are meant for one thread at a time; {@link #close} may come from any thread.
 */
public final class IdleTimeoutInputStream extends FilterInputStream {
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "vigil-idle-watchdog");
            thread.setDaemon(true);
            return thread;
          });
  private static final long MIN_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long MAX_PERIOD_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final long timeoutNanos;
  private final String message;
  private final ScheduledFuture<?> check;
  private volatile boolean reading;
  private volatile long readingSince;
  private volatile boolean timedOut;

  /**
   * Guards {@code in}.
   *
   * @param timeout the longest one read may wait for data
   * @param what names the stream in the error, e.g. {@code feed: GET https://…}
   */
  public IdleTimeoutInputStream(InputStream in, Duration timeout, String what) {
    super(in);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("feed: the read timeout must be positive, not " + timeout);
    }
    this.timeoutNanos = timeout.toNanos();
    this.message = what + ": no data received for " + timeout.toMillis() + " ms (read timeout)";
    long period = Math.max(MIN_PERIOD_NANOS, Math.min(MAX_PERIOD_NANOS, timeoutNanos / 4));
    this.check = WATCHDOG.scheduleAtFixedRate(this::inspect, period, period, TimeUnit.NANOSECONDS);
  }

  private void inspect() {
    if (reading && System.nanoTime() - readingSince > timeoutNanos) {
      timedOut = true;
      check.cancel(false);
      try {
        in.close();
      } catch (IOException | RuntimeException e) {
        // the reader fails with the timeout whether or not closing went cleanly
      }
    }
  }

  @Override
  public int read() throws IOException {
    begin();
    try {
      int b = in.read();
      checkNotTimedOut();
      return b;
    } catch (IOException e) {
      throw failed(e);
    } finally {
      reading = false;
    }
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    begin();
    try {
      int n = in.read(buffer, offset, length);
      checkNotTimedOut();
      return n;
    } catch (IOException e) {
      throw failed(e);
    } finally {
      reading = false;
    }
  }

  @Override
  public long skip(long n) throws IOException {
    begin();
    try {
      long skipped = in.skip(n);
      checkNotTimedOut();
      return skipped;
    } catch (IOException e) {
      throw failed(e);
    } finally {
      reading = false;
    }
  }

  private void begin() throws SocketTimeoutException {
    checkNotTimedOut();
    readingSince = System.nanoTime();
    reading = true;
  }

  private void checkNotTimedOut() throws SocketTimeoutException {
    if (timedOut) {
      throw new SocketTimeoutException(message);
    }
  }

  private IOException failed(IOException e) {
    if (!timedOut || e instanceof SocketTimeoutException) {
      return e;
    }
    SocketTimeoutException timeout = new SocketTimeoutException(message);
    timeout.initCause(e);
    return timeout;
  }

  @Override
  public void close() throws IOException {
    check.cancel(false);
    super.close();
  }
}
