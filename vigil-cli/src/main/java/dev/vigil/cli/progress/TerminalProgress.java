package dev.vigil.cli.progress;

import dev.vigil.progress.ProgressListener;
import java.io.PrintWriter;

/**
 * Progress for a terminal: one status line on standard error, redrawn in place with a carriage
 * return and an ANSI line clear, kept as a plain line when a step finishes.
 */
final class TerminalProgress implements ProgressListener {
  private static final String CLEAR = "\r\033[2K";
  private static final long REDRAW_NANOS = 100_000_000L;

  private final PrintWriter err;
  private long lastDraw;

  TerminalProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void downloading(String digest, long done, long total) {
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    String size = total < 0 ? "" : " / " + Progress.bytes(total);
    draw("pulling " + Progress.shortDigest(digest) + " " + Progress.bytes(done) + size);
  }

  @Override
  public synchronized void downloaded(String digest, long bytes, long nanos) {
    double rate = nanos <= 0 ? bytes : bytes / (nanos / 1e9);
    keep(
        "pulled "
            + Progress.shortDigest(digest)
            + " "
            + Progress.bytes(bytes)
            + " in "
            + Progress.seconds(nanos)
            + " ("
            + Progress.bytes((long) rate)
            + "/s)");
  }

  @Override
  public synchronized void indexed(int index, int count) {
    if (index == count) {
      keep("indexed " + count + " layers");
    } else {
      draw("indexing layer " + (index + 1) + "/" + count);
    }
  }

  @Override
  public synchronized void updating(String updater, String step) {
    draw(updater + ": " + step);
  }

  @Override
  public synchronized void updateEnded(String updater) {
    err.print(CLEAR);
    err.flush();
  }

  private void draw(String text) {
    err.print(CLEAR + "vigil: " + text);
    err.flush();
  }

  private void keep(String text) {
    err.print(CLEAR + "vigil: " + text + "\n");
    err.flush();
  }
}
