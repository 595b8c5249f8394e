package dev.vigil.cli.progress;

import dev.vigil.progress.ProgressListener;
import java.io.PrintWriter;

/** Progress for logs and pipes: one plain {@code vigil: ...} line on standard error per step. */
final class LineProgress implements ProgressListener {
  private final PrintWriter err;

  LineProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void downloaded(String digest, long bytes, long nanos) {
    line(
        "pulled "
            + Progress.shortDigest(digest)
            + " "
            + Progress.bytes(bytes)
            + " in "
            + Progress.seconds(nanos));
  }

  @Override
  public void indexed(int index, int count) {
    line("indexed layer " + index + "/" + count);
  }

  @Override
  public void updating(String updater, String step) {
    line(updater + ": " + step);
  }

  private synchronized void line(String text) {
    err.println("vigil: " + text);
    err.flush();
  }
}
