package dev.vigil.cli;

import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** {@code vigil report IMAGE -o FILE}: {@code vigil scan --format html}, under its own name. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Scans an image and writes one self-contained HTML report (same as scan --format html).",
      "IMAGE is anything 'vigil scan' takes; -o FILE names the report (default: standard output)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the report was written and the gate (if any) held",
      "1:the gate tripped (--fail-on, or --exit-code N to change the code)",
      "2:an error (bad flag, unreadable input or file), with a one-line reason"
    })
final class ReportCommand extends ScanCommand {

  @Override
  public Integer call() throws Exception {
    if (!output.formats.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "--format: report always writes html; use 'vigil scan' for others");
    }
    output.formats = List.of("html");
    return super.call();
  }
}
