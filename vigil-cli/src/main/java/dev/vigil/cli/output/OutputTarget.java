package dev.vigil.cli.output;

import java.nio.file.Path;

/**
 * One requested output: a format and where it goes.
 *
 * @param format the format
 * @param file the file to write, or null for standard output
 */
public record OutputTarget(Format format, Path file) {

  /**
   * Parses {@code FMT[=FILE]}.
   *
   * @throws IllegalArgumentException for an unknown format or an empty file name
   */
  public static OutputTarget parse(String text) {
    int eq = text.indexOf('=');
    if (eq < 0) {
      return new OutputTarget(Format.of(text), null);
    }
    String file = text.substring(eq + 1);
    if (file.isBlank()) {
      throw new IllegalArgumentException("'" + text + "' names no file after '='");
    }
    return new OutputTarget(Format.of(text.substring(0, eq)), Path.of(file));
  }

  /** The same format written to {@code to}. */
  public OutputTarget toFile(Path to) {
    return new OutputTarget(format, to);
  }
}
