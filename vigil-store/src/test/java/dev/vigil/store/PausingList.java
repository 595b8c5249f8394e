package dev.vigil.store;

import java.util.AbstractList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A list that, when element {@code pauseAt} is first read, signals {@link #paused} and waits for
 * {@link #resume}: it holds an update open in the middle of its transaction.
 */
final class PausingList<T> extends AbstractList<T> {
  final CountDownLatch paused = new CountDownLatch(1);
  final CountDownLatch resume = new CountDownLatch(1);
  private final List<T> elements;
  private final int pauseAt;

  PausingList(List<T> elements, int pauseAt) {
    this.elements = elements;
    this.pauseAt = pauseAt;
  }

  @Override
  public T get(int index) {
    if (index == pauseAt && paused.getCount() > 0) {
      paused.countDown();
      try {
        if (!resume.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("test: never resumed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("test: interrupted", e);
      }
    }
    return elements.get(index);
  }

  @Override
  public int size() {
    return elements.size();
  }
}
