package dev.vigil.cli;

import java.io.PrintWriter;

/** Messages for the user on standard error, silenced by {@code --quiet}. */
final class Console {
  private final PrintWriter err;
  private final boolean quiet;

  Console(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  /** Prints {@code vigil: warning: MESSAGE} unless quiet. */
  void warn(String message) {
    say("warning: " + message);
  }

  /** Prints {@code vigil: MESSAGE} unless quiet. */
  void say(String message) {
    if (!quiet) {
      err.println("vigil: " + message);
      err.flush();
    }
  }
}
