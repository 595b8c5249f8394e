package dev.vigil.cli.klar;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import picocli.CommandLine;

/**
 * One in-process run of {@code vigil klar}, with its environment and what it printed.
 *
 * @param exitCode the exit code
 * @param out standard output
 * @param err standard error
 */
record KlarRun(int exitCode, String out, String err) {

  /** Runs {@code klar ARGS…} with {@code env} as its whole environment. */
  static KlarRun of(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new KlarCommand(env));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new KlarRun(code, out.toString(), err.toString());
  }
}
