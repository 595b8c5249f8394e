package dev.vigil.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class IdleTimeoutInputStreamTest {

  @Test
  @Timeout(30)
  void failsAReadThatWaitsLongerThanTheTimeout() throws IOException {
    try (InputStream guarded =
        new IdleTimeoutInputStream(new StallingStream(3), Duration.ofMillis(200), "test")) {
      assertThat(guarded.readNBytes(3)).containsExactly(0, 0, 0);
      assertThatThrownBy(guarded::read)
          .isInstanceOf(SocketTimeoutException.class)
          .hasMessage("test: no data received for 200 ms (read timeout)");
      assertThatThrownBy(guarded::read).isInstanceOf(SocketTimeoutException.class);
    }
  }

  @Test
  void doesNotCountTimeSpentBetweenReads() throws Exception {
    byte[] data = {1, 2, 3, 4};
    try (InputStream guarded =
        new IdleTimeoutInputStream(new ByteArrayInputStream(data), Duration.ofMillis(50), "test")) {
      assertThat(guarded.read()).isEqualTo(1);
      Thread.sleep(300);

      assertThat(guarded.readAllBytes()).containsExactly(2, 3, 4);
    }
  }

  @Test
  void refusesANonPositiveTimeout() {
    InputStream empty = InputStream.nullInputStream();

    assertThatThrownBy(() -> new IdleTimeoutInputStream(empty, Duration.ZERO, "test"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("feed: ");
  }

  /** Gives some zero bytes, then blocks until closed, as a stalled network body does. */
  private static final class StallingStream extends InputStream {
    private final CountDownLatch closed = new CountDownLatch(1);
    private int left;

    StallingStream(int bytes) {
      this.left = bytes;
    }

    @Override
    public int read() throws IOException {
      if (left > 0) {
        left--;
        return 0;
      }
      try {
        closed.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IOException("closed");
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
