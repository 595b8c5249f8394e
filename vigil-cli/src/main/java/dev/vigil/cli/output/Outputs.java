package dev.vigil.cli.output;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.UUID;

/**
 * Writes a scan result to every requested output. A file is written beside its final name and moved
 * into place when complete, so a failed run never leaves a half-written report.
 */
public final class Outputs {
  private Outputs() {}

  /**
   * Writes {@code result} in each target's format, to its file or to {@code stdout}.
   *
   * @throws IOException when a file cannot be written; the message starts with {@code output:}
   */
  public static void write(List<OutputTarget> targets, ScanResult result, PrintWriter stdout)
      throws IOException {
    for (OutputTarget target : targets) {
      ReportWriter writer = target.format().writer();
      if (target.file() == null) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        writer.write(result, buffer);
        stdout.print(buffer.toString(StandardCharsets.UTF_8));
        stdout.flush();
      } else {
        writeFile(target.file(), writer, result);
      }
    }
  }

  private static void writeFile(Path file, ReportWriter writer, ScanResult result)
      throws IOException {
    Path absolute = file.toAbsolutePath();
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IOException("output: no such directory for " + file);
    }
    writeAtomically(absolute, out -> writer.write(result, out));
  }

  /** Writes a file's content. */
  @FunctionalInterface
  public interface Content {
    /** Writes the content to {@code out}, which the caller closes. */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Writes {@code content} beside {@code file} and moves it into place when complete, so a failure
   * never leaves a half-written file.
   */
  public static void writeAtomically(Path file, Content content) throws IOException {
    Path absolute = file.toAbsolutePath();
    Path partial =
        absolute.resolveSibling(
            "." + absolute.getFileName() + "." + UUID.randomUUID() + ".partial");
    try {
      try (OutputStream out = Files.newOutputStream(partial, StandardOpenOption.CREATE_NEW)) {
        content.writeTo(out);
      }
      try {
        Files.move(
            partial, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
