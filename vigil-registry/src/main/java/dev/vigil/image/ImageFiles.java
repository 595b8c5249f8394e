package dev.vigil.image;

import dev.vigil.layer.Compression;
import dev.vigil.model.Digest;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The named files of an image input, read-only: a directory (OCI layout) or a tar archive (docker
 * save, OCI archive). Names are normalized relative paths such as {@code blobs/sha256/…}.
 * Implementations are thread-safe: every {@link #open} is independent.
 */
interface ImageFiles {

  /** Where the files are, for messages. */
  String location();

  /** True when a regular file of that name exists. */
  boolean exists(String name);

  /**
   * Opens the named file.
   *
   * @throws ScanException when there is no such file
   */
  InputStream open(String name) throws IOException;

  /** The sha256 of the named file's bytes. */
  Digest sha256(String name) throws IOException;

  /**
   * Reads a whole small file, such as a JSON document.
   *
   * @throws ScanException when the file is missing or longer than {@code max} bytes
   */
  default byte[] read(String name, int max, String component) throws IOException {
    if (!exists(name)) {
      throw new ScanException(component + ": " + location() + " has no " + name);
    }
    try (InputStream in = open(name)) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw new ScanException(
            component + ": " + name + " in " + location() + " is larger than " + max + " bytes");
      }
      return bytes;
    }
  }

  /**
   * Opens a tar archive, plain or compressed (recognized by magic bytes), checking that it reads as
   * a tar.
   *
   * @throws ScanException when it is not a readable tar archive
   */
  static ImageFiles archive(Path file, String component) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4);
    }
    return Compression.detect(head) == Compression.NONE
        ? TarArchiveFiles.open(file, component)
        : CompressedArchiveFiles.open(file, component);
  }
}
