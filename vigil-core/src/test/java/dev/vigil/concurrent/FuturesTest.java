package dev.vigil.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Waiting for another thread's work rethrows its failure as it was thrown. */
class FuturesTest {

  @Test
  void valuesAndFailuresComeBackAsTheWorkGaveThem() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<String> value = pool.submit(() -> "done");
      Future<String> io =
          pool.submit(
              () -> {
                throw new IOException("disk gone");
              });
      Future<String> unchecked =
          pool.submit(
              () -> {
                throw new IllegalStateException("bad state");
              });
      Future<String> checked =
          pool.submit(
              () -> {
                throw new Exception("odd");
              });

      assertThat(Futures.await(value, "the value")).isEqualTo("done");
      assertThatThrownBy(() -> Futures.await(io, "io"))
          .isExactlyInstanceOf(IOException.class)
          .hasMessage("disk gone");
      assertThatThrownBy(() -> Futures.await(unchecked, "unchecked"))
          .isExactlyInstanceOf(IllegalStateException.class)
          .hasMessage("bad state");
      assertThatThrownBy(() -> Futures.await(checked, "the odd work"))
          .isExactlyInstanceOf(IOException.class)
          .hasMessage("the odd work: java.lang.Exception: odd");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anErrorIsRethrownAsItIs() {
    CompletableFuture<String> failed = CompletableFuture.failedFuture(new StackOverflowError());
    assertThatThrownBy(() -> Futures.await(failed, "deep work"))
        .isExactlyInstanceOf(StackOverflowError.class);
  }

  @Test
  void anInterruptionIsAnInterruptedIoExceptionAndKeepsTheFlag() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Futures.await(new CompletableFuture<String>(), "nothing"))
          .isInstanceOf(java.io.InterruptedIOException.class)
          .hasMessage("interrupted while waiting for nothing");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }
}
