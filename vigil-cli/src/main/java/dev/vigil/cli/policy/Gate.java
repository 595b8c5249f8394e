package dev.vigil.cli.policy;

import dev.vigil.model.Severity;
import java.util.List;

/**
 * The CI gate: with a {@code failOn} severity it trips on any kept finding (not left out, not
 * suppressed) at or above that severity, whatever the display filter; without one, an explicit exit
 * code makes it trip on any shown finding, as Trivy's {@code --exit-code} does.
 *
 * @param failOn the lowest severity that trips the gate, or null
 * @param exitCode the exit code when it trips
 * @param explicitExitCode whether the exit code was given (which arms the gate without {@code
 *     failOn})
 */
public record Gate(Severity failOn, int exitCode, boolean explicitExitCode) {

  /** The exit code of a tripped gate unless told otherwise. */
  public static final int DEFAULT_EXIT_CODE = 1;

  /** The findings that trip the gate; empty when it holds or is not armed. */
  public List<Finding> tripping(PolicyResult result) {
    if (failOn != null) {
      return result.kept().stream().filter(f -> f.severity().compareTo(failOn) >= 0).toList();
    }
    return explicitExitCode ? result.shown() : List.of();
  }

  /** One line for the user about {@code count} tripping findings. */
  public String summary(int count) {
    String what = failOn != null ? " at or above " + failOn.upper() : " shown";
    return count + (count == 1 ? " finding" : " findings") + what + "; exit code " + exitCode;
  }
}
