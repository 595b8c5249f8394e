package dev.vigil.cli.db;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code vigil db}: look after the vulnerability store (status, export, import). */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Shows, exports and imports the vulnerability store's feed data.",
    subcommands = {DbStatusCommand.class, DbExportCommand.class, DbImportCommand.class})
public final class DbCommand implements Runnable {

  /** Exit code of a subcommand that succeeded, as {@code vigil}'s other commands. */
  static final int OK = 0;

  /** Exit code of a subcommand that partly failed. */
  static final int PARTIAL = 1;

  /** Exit code of a subcommand that failed. */
  static final int ERROR = 2;

  @Spec CommandSpec spec;

  /** Without a subcommand, a usage error. */
  @Override
  public void run() {
    throw new ParameterException(
        spec.commandLine(), "db: a subcommand is required (status, export, import)");
  }
}
