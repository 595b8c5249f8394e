package dev.vigil.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** Compresses fixtures the way publishers serve them. */
public final class Compress {

  private Compress() {}

  /** Writes {@code from} bzip2-compressed to {@code to}. */
  public static Path bzip2(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    try (OutputStream out = new BZip2CompressorOutputStream(Files.newOutputStream(to))) {
      Files.copy(from, out);
    }
    return to;
  }

  /** Writes {@code from} gzip-compressed to {@code to}. */
  public static Path gzip(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
      Files.copy(from, out);
    }
    return to;
  }

  /** {@code data}, bzip2-compressed in memory. */
  public static byte[] bzip2(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream bz = new BZip2CompressorOutputStream(out)) {
      bz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
