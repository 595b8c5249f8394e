package dev.vigil.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the CLI in-process, with what it printed.
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code vigil ARGS…} and captures its output. */
  public static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = VigilCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
