package dev.vigil.ecosystem.dpkg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's own tools on this machine as the oracle for dpkg behaviour: {@code dpkg
 * --compare-versions} and {@code dpkg-query}. scripts/test.sh installs them when missing.
 */
public final class DpkgTool {
  private static final long TIMEOUT_SECONDS = 300;

  private DpkgTool() {}

  /** The result of one run: exit code, standard output and standard error. */
  public record Run(int exitCode, String out, String err) {}

  /** Runs a command to completion (bounded by a timeout) and captures its output. */
  public static Run run(List<String> command, Path stdin) throws IOException {
    Path out = Files.createTempFile("dpkg-tool", ".out");
    Path err = Files.createTempFile("dpkg-tool", ".err");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().put("LC_ALL", "C");
      if (stdin != null) {
        builder.redirectInput(stdin.toFile());
      }
      Process process;
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new IllegalStateException(
            "dpkg tools are needed as the test oracle: run scripts/test.sh (it installs dpkg)", e);
      }
      try {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly();
          throw new IllegalStateException("timed out: " + command);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new IllegalStateException("interrupted: " + command, e);
      }
      return new Run(
          process.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /**
   * Orders each pair with {@code dpkg --compare-versions}, in one shell loop: -1, 0 or 1 per pair.
   */
  public static List<Integer> compareAll(List<String[]> pairs) throws IOException {
    Path input = Files.createTempFile("dpkg-pairs", ".txt");
    try {
      StringBuilder text = new StringBuilder();
      for (String[] pair : pairs) {
        text.append(pair[0]).append(' ').append(pair[1]).append('\n');
      }
      Files.writeString(input, text, StandardCharsets.UTF_8);
      String script =
          "while read -r a b; do"
              + " if dpkg --compare-versions \"$a\" lt \"$b\" 2>/dev/null; then echo -1;"
              + " elif dpkg --compare-versions \"$a\" eq \"$b\" 2>/dev/null; then echo 0;"
              + " else echo 1; fi; done";
      Run run = run(List.of("bash", "-c", script), input);
      if (run.exitCode() != 0) {
        throw new IllegalStateException("dpkg --compare-versions loop failed: " + run.err());
      }
      List<Integer> results = new ArrayList<>();
      run.out().lines().forEach(line -> results.add(Integer.parseInt(line.strip())));
      if (results.size() != pairs.size()) {
        throw new IllegalStateException(
            "dpkg answered " + results.size() + " of " + pairs.size() + " comparisons");
      }
      return results;
    } finally {
      Files.deleteIfExists(input);
    }
  }

  /**
   * The installed ({@code ?i}: current state installed) packages of a dpkg database directory as
   * {@code dpkg-query} lists them: "package version source-package source-version architecture".
   */
  public static List<String> installed(Path admindir) throws IOException {
    Run run =
        run(
            List.of(
                "dpkg-query",
                "--admindir=" + admindir,
                "-W",
                "-f",
                "${db:Status-Abbrev}|${Package}|${Version}|${source:Package}|${source:Version}"
                    + "|${Architecture}\\n"),
            null);
    if (run.exitCode() != 0) {
      throw new IllegalStateException("dpkg-query failed: " + run.err());
    }
    List<String> lines = new ArrayList<>();
    for (String line : run.out().lines().toList()) {
      String[] f = line.split("\\|", -1);
      if (f[0].length() >= 2 && f[0].charAt(1) == 'i') {
        lines.add(String.join(" ", f[1], f[2], f[3], f[4], f[5]));
      }
    }
    return lines;
  }
}
