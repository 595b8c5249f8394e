package dev.vigil.cli;

import dev.vigil.cli.db.DbCommand;
import dev.vigil.cli.klar.KlarCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command: the entry point of the runnable jar. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Finds known vulnerabilities in container images.",
    subcommands = {
      ScanCommand.class,
      ReportCommand.class,
      DbCommand.class,
      UpdateCommand.class,
      ServeCommand.class,
      KlarCommand.class,
      CommandLine.HelpCommand.class
    })
public final class VigilCli {

  /** Exit code of a command that succeeded. */
  public static final int OK = 0;

  /** Exit code of a command that partly failed (e.g. some updaters failed). */
  public static final int PARTIAL = 1;

  /** Exit code of a command that failed. */
  public static final int ERROR = 2;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code; for tests and embedding. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** The configured picocli command line: usage errors and failures exit 2 with one line. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new VigilCli());
    cli.setExecutionExceptionHandler(new OneLineErrors());
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("vigil: " + ex.getMessage());
          ex.getCommandLine().usage(ex.getCommandLine().getErr());
          return ERROR;
        });
    return cli;
  }
}
