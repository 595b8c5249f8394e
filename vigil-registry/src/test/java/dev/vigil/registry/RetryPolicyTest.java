package dev.vigil.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.spi.ScanException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void retriesResetsButNotTimeoutsRefusalsTlsOrMismatches() {
    assertThat(RetryPolicy.retryable(new SocketException("Connection reset"))).isTrue();
    assertThat(RetryPolicy.retryable(new EOFException("EOF reached while reading"))).isTrue();
    assertThat(RetryPolicy.retryable(new IOException("closed"))).isTrue();
    assertThat(RetryPolicy.retryable(new SocketTimeoutException("read timeout"))).isFalse();
    assertThat(RetryPolicy.retryable(new HttpTimeoutException("request timed out"))).isFalse();
    assertThat(RetryPolicy.retryable(new ConnectException())).isFalse();
    assertThat(RetryPolicy.retryable(new SSLHandshakeException("PKIX"))).isFalse();
    assertThat(RetryPolicy.retryable(new ScanException("registry: blob does not match"))).isFalse();
    assertThat(RetryPolicy.retryable(new RegistryException("registry: unknown tag"))).isFalse();
    assertThat(RetryPolicy.retryable(new IOException(new ConnectException()))).isFalse();
  }

  @Test
  void readsRetryAfterAsSecondsOrAnHttpDate() {
    String inTwoMinutes =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2));

    assertThat(RetryableStatusException.parse("7")).contains(Duration.ofSeconds(7));
    assertThat(RetryableStatusException.parse("-3")).contains(Duration.ZERO);
    assertThat(RetryableStatusException.parse("Wed, 21 Oct 2015 07:28:00 GMT"))
        .contains(Duration.ZERO);
    assertThat(RetryableStatusException.parse(inTwoMinutes).orElseThrow())
        .isBetween(Duration.ofSeconds(100), Duration.ofSeconds(120));
    assertThat(RetryableStatusException.parse("soon")).isEmpty();
  }

  @Test
  void triesAtMostTheGivenNumberOfTimesThenDescribesTheFailure() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofMillis(1));
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                policy.call(
                    "GET blob x",
                    () -> {
                      calls.incrementAndGet();
                      throw new SocketException("Connection reset");
                    }))
        .isInstanceOf(RegistryException.class)
        .hasMessage("registry: GET blob x failed (after 3 attempts): Connection reset");
    assertThat(calls).hasValue(3);
  }

  @Test
  void succeedsOnceTheFailurePasses() throws IOException {
    RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(1));
    AtomicInteger calls = new AtomicInteger();

    String result =
        policy.call(
            "GET manifest",
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new EOFException("EOF reached while reading");
              }
              return "ok";
            });

    assertThat(result).isEqualTo("ok");
    assertThat(calls).hasValue(3);
  }

  @Test
  void failsAtOnceOnARefusedConnection() {
    RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(1));
    AtomicInteger calls = new AtomicInteger();

    assertThatThrownBy(
            () ->
                policy.call(
                    "GET manifest",
                    () -> {
                      calls.incrementAndGet();
                      throw new ConnectException();
                    }))
        .hasMessage("registry: GET manifest failed: connection refused");
    assertThat(calls).hasValue(1);
  }
}
