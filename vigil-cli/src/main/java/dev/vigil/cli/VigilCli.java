package dev.vigil.cli;

import dev.vigil.cli.db.DbCommand;
import dev.vigil.cli.klar.KlarCommand;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vigil} command: the entry point of the runnable jar. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Finds known vulnerabilities in container images.")
public final class VigilCli {
  /** The subcommands by name, in the order help lists them. */
  private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

  static {
    for (Class<?> command :
        List.of(
            ScanCommand.class,
            ReportCommand.class,
            DbCommand.class,
            UpdateCommand.class,
            ServeCommand.class,
            KlarCommand.class,
            CommandLine.HelpCommand.class)) {
      SUBCOMMANDS.put(command.getAnnotation(Command.class).name(), command);
    }
  }

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
    return commandLine(args).execute(args);
  }

  /** The configured picocli command line: usage errors and failures exit 2 with one line. */
  public static CommandLine commandLine() {
    return commandLine(new String[0]);
  }

  /**
   * The command line for {@code arguments}: when they name a subcommand other than {@code help},
   * only that one is built, since building every command's model from its annotations is a
   * noticeable part of a short scan's start-up (docs/BENCHMARKS.md).
   */
  static CommandLine commandLine(String... arguments) {
    CommandLine cli = new CommandLine(new VigilCli());
    Class<?> named = arguments.length > 0 ? SUBCOMMANDS.get(arguments[0]) : null;
    if (named != null && named != CommandLine.HelpCommand.class) {
      cli.addSubcommand(named);
    } else {
      SUBCOMMANDS.values().forEach(cli::addSubcommand);
    }
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
