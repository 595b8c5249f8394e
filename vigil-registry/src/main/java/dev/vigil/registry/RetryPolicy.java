package dev.vigil.registry;

import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a registry operation, trying again with exponential backoff when it fails in a way that may
 * pass: a 5xx or 429 answer (waiting what {@code Retry-After} asks; asked to wait more than a
 * minute, it gives up at once) or a connection reset or closed mid-way. Timeouts, refused
 * connections, TLS failures, digest mismatches and every other {@link RegistryException} fail at
 * once: trying again would not help, or would multiply the wait the timeout promised. Thread-safe.
 */
final class RetryPolicy {
  private static final Logger LOG = LoggerFactory.getLogger(RetryPolicy.class);
  private static final Duration MAX_WAIT = Duration.ofMinutes(1);

  /** One try of an operation. */
  @FunctionalInterface
  interface Attempt<T> {
    /** Runs the operation once. */
    T run() throws IOException;
  }

  private final int maxAttempts;
  private final Duration backoff;

  RetryPolicy(int maxAttempts, Duration backoff) {
    this.maxAttempts = maxAttempts;
    this.backoff = backoff;
  }

  /**
   * Runs {@code attempt} until it succeeds, fails for good, or has been tried {@code maxAttempts}
   * times.
   *
   * @param what the operation, for messages, e.g. {@code GET manifest rig/tiny:1.0}
   * @throws RegistryException when it fails; transport failures are described on one line
   */
  <T> T call(String what, Attempt<T> attempt) throws IOException {
    for (int tried = 1; ; tried++) {
      try {
        return attempt.run();
      } catch (IOException e) {
        if (tried >= maxAttempts || !retryable(e)) {
          throw describe(what, e, tried);
        }
        Duration wait = delay(e, tried);
        if (wait.compareTo(MAX_WAIT) > 0) {
          throw new RegistryException(
              e.getMessage() + " and asks to wait " + wait.toSeconds() + " s: try again later", e);
        }
        LOG.atInfo()
            .setMessage("registry: retrying")
            .addKeyValue("operation", what)
            .addKeyValue("attempt", tried + 1)
            .addKeyValue("waitMillis", wait.toMillis())
            .addKeyValue("error", e.getMessage())
            .log();
        sleep(wait, what);
      }
    }
  }

  /** True for failures that may pass: retryable statuses and resets, not timeouts or refusals. */
  static boolean retryable(IOException e) {
    if (e instanceof RetryableStatusException) {
      return true;
    }
    if (e instanceof RegistryException || e instanceof ScanException) {
      return false;
    }
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof InterruptedIOException
          || cause instanceof HttpTimeoutException
          || cause instanceof ConnectException
          || cause instanceof NoRouteToHostException
          || cause instanceof UnknownHostException
          || cause instanceof SSLException
          || cause instanceof InterruptedException) {
        return false;
      }
    }
    return true;
  }

  private Duration delay(IOException e, int tried) {
    if (e instanceof RetryableStatusException status && status.retryAfter().isPresent()) {
      return status.retryAfter().get();
    }
    long base = backoff.toMillis() << Math.min(tried - 1, 16);
    long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    return Duration.ofMillis(Math.min(jittered, MAX_WAIT.toMillis()));
  }

  private static void sleep(Duration wait, String what) throws InterruptedIOException {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("registry: " + what + " was interrupted");
    }
  }

  private static IOException describe(String what, IOException e, int tried) {
    if (e instanceof RetryableStatusException) {
      String answer = e.getMessage().substring("registry: ".length());
      return new RegistryException(
          "registry: " + what + " failed after " + tried + " attempts: " + answer, e);
    }
    if (e instanceof RegistryException || e instanceof ScanException) {
      return e;
    }
    String after = tried > 1 ? " (after " + tried + " attempts)" : "";
    return new RegistryException("registry: " + what + " failed" + after + ": " + reason(e), e);
  }

  /** A one-line reason for a transport failure. */
  static String reason(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof CertificateException || cause instanceof CertPathBuilderException) {
        Throwable innermost = cause;
        while (innermost.getCause() != null) {
          innermost = innermost.getCause();
        }
        return "its TLS certificate is not trusted ("
            + innermost.getMessage()
            + "); pass --ca-cert FILE, or --tls-no-verify";
      }
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    if (e instanceof java.net.http.HttpConnectTimeoutException) {
      return "connect timed out";
    }
    if (e instanceof HttpTimeoutException) {
      return "no response within the timeout";
    }
    String message = e.getMessage();
    if (message == null && e.getCause() != null) {
      return reason(e.getCause());
    }
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
