package dev.vigil.cli;

import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one line on standard error and exit code 2; the stack trace only with
 * {@code VIGIL_DEBUG=1}.
 */
final class OneLineErrors implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
    cli.getErr().println("vigil: " + describe(ex));
    if ("1".equals(System.getenv("VIGIL_DEBUG"))) {
      ex.printStackTrace(cli.getErr());
    }
    return VigilCli.ERROR;
  }

  /** The message of the most telling exception in the chain, on one line. */
  static String describe(Throwable ex) {
    Throwable shown = ex;
    while (shown.getMessage() == null && shown.getCause() != null) {
      shown = shown.getCause();
    }
    String message = shown.getMessage();
    if (message == null || message.isBlank()) {
      message = shown.getClass().getSimpleName();
    } else if (shown instanceof IOException && !message.contains(":")) {
      message = "i/o: " + message;
    }
    return message.lines().findFirst().orElse(message);
  }
}
