package dev.vigil.cli.progress;

import dev.vigil.progress.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Picks how progress shows on standard error: redrawn in place, line by line, or not at all. */
public final class Progress {
  private Progress() {}

  /**
   * The listener for this run.
   *
   * @param err standard error
   * @param quiet {@code --quiet}: no progress at all
   * @param disabled {@code --no-progress}: no progress at all
   */
  public static ProgressListener on(PrintWriter err, boolean quiet, boolean disabled) {
    if (quiet || disabled) {
      return ProgressListener.NONE;
    }
    return isTerminal(System.getenv()) ? new TerminalProgress(err) : new LineProgress(err);
  }

  /**
   * True when standard error is a terminal that understands redraws: {@code TERM} is set and not
   * {@code dumb}, and file descriptor 2 is a terminal device (on Linux, read from {@code
   * /proc/self/fd/2}, so {@code vigil scan -f json > out.json} still shows progress), else when
   * {@link System#console()} is present.
   */
  static boolean isTerminal(Map<String, String> env) {
    String term = env.get("TERM");
    if (term == null || term.isEmpty() || "dumb".equals(term)) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return System.console() != null;
    }
  }

  /** Formats a byte count as {@code 50.9 MB}. */
  static String bytes(long bytes) {
    if (bytes < 1000) {
      return bytes + " B";
    }
    double value = bytes;
    String[] units = {"kB", "MB", "GB", "TB"};
    int unit = -1;
    while (value >= 1000 && unit < units.length - 1) {
      value /= 1000;
      unit++;
    }
    return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  /** Shortens a digest to {@code sha256:abcdef012345…}. */
  static String shortDigest(String digest) {
    int colon = digest.indexOf(':');
    int end = Math.min(digest.length(), colon + 13);
    return end < digest.length() ? digest.substring(0, end) + "…" : digest;
  }

  /** Formats nanoseconds as seconds, {@code 1.2 s}. */
  static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
  }
}
