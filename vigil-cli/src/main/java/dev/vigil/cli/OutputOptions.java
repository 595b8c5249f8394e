package dev.vigil.cli;

import dev.vigil.cli.output.OutputTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Where {@code vigil scan} writes its report, and how much it says on standard error. */
final class OutputOptions {

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FMT[=FILE]",
      description = {
        "Report format, repeatable: table, json, sarif, cyclonedx, spdx, junit,"
            + " html. With =FILE the"
            + " report goes to that file, else to standard output (at most one format there)."
            + " Default: table."
      })
  List<String> formats = new ArrayList<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the single requested format to FILE instead of standard output.")
  Path output;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print no warnings nor gate summary on standard error; errors still are.")
  boolean quiet;

  @Option(
      names = "--no-progress",
      description =
          "Show no progress on standard error (shown in place on a terminal, else as plain lines).")
  boolean noProgress;

  /**
   * The outputs to write.
   *
   * @throws ParameterException for an unknown format, several outputs on standard output, or {@code
   *     --output} with other than one format
   */
  List<OutputTarget> targets(CommandLine cli) {
    List<OutputTarget> targets = new ArrayList<>();
    for (String text : formats.isEmpty() ? List.of("table") : formats) {
      try {
        targets.add(OutputTarget.parse(text));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(cli, "--format: " + e.getMessage());
      }
    }
    if (output != null) {
      if (targets.size() != 1 || targets.get(0).file() != null) {
        throw new ParameterException(
            cli, "--output goes with exactly one --format without =FILE; use FMT=FILE for several");
      }
      targets.set(0, targets.get(0).toFile(output));
    }
    if (targets.stream().filter(t -> t.file() == null).count() > 1) {
      throw new ParameterException(
          cli, "--format: at most one format can go to standard output; give the others =FILE");
    }
    return targets;
  }
}
