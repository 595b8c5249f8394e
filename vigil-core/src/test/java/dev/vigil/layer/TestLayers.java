package dev.vigil.layer;

import com.github.luben.zstd.ZstdOutputStream;
import dev.vigil.model.Digest;
import dev.vigil.testing.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarFile;

/** Builds small layers for tests: tars written with commons-compress, fixture layers in memory. */
final class TestLayers {
  private TestLayers() {}

  /** A layer over bytes already in memory, its digest computed from them. */
  static TarLayer inMemory(byte[] blob) {
    return new TarLayer(Digest.sha256(blob), () -> new ByteArrayInputStream(blob));
  }

  /**
   * The bytes of {@code entry} inside the tar archive {@code archive}, e.g. a docker-save layer.
   */
  static byte[] entryOf(Path archive, String entry) throws IOException {
    try (TarFile tar = new TarFile(archive)) {
      for (TarArchiveEntry candidate : tar.getEntries()) {
        if (candidate.getName().equals(entry)) {
          try (InputStream in = tar.getInputStream(candidate)) {
            return in.readAllBytes();
          }
        }
      }
    }
    throw new IllegalArgumentException("no " + entry + " in " + archive);
  }

  /** A layer of one of the tiny docker-save images in {@code images/docker-archive/edge-cases}. */
  static TarLayer edgeCaseLayer(String image, String layerId) throws IOException {
    Path archive = Fixtures.fixture("images/docker-archive/edge-cases/" + image + ".tar");
    return inMemory(entryOf(archive, layerId + "/layer.tar"));
  }

  /** Writes tars entry by entry. */
  static final class TarBuilder {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes);

    TarBuilder() {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    }

    TarBuilder file(String path, String content) throws IOException {
      return file(path, content.getBytes(StandardCharsets.UTF_8));
    }

    TarBuilder file(String path, byte[] content) throws IOException {
      TarArchiveEntry entry = new TarArchiveEntry(path);
      entry.setSize(content.length);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
      return this;
    }

    TarBuilder executable(String path, byte[] content) throws IOException {
      TarArchiveEntry entry = new TarArchiveEntry(path);
      entry.setMode(0100755);
      entry.setSize(content.length);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
      return this;
    }

    TarBuilder whiteout(String path) throws IOException {
      int slash = path.lastIndexOf('/');
      return file(path.substring(0, slash + 1) + ".wh." + path.substring(slash + 1), "");
    }

    TarBuilder dir(String path) throws IOException {
      tar.putArchiveEntry(new TarArchiveEntry(path.endsWith("/") ? path : path + "/"));
      tar.closeArchiveEntry();
      return this;
    }

    TarBuilder symlink(String path, String target) throws IOException {
      return link(path, target, TarArchiveEntry.LF_SYMLINK);
    }

    TarBuilder hardLink(String path, String target) throws IOException {
      return link(path, target, TarArchiveEntry.LF_LINK);
    }

    private TarBuilder link(String path, String target, byte flag) throws IOException {
      TarArchiveEntry entry = new TarArchiveEntry(path, flag);
      entry.setLinkName(target);
      tar.putArchiveEntry(entry);
      tar.closeArchiveEntry();
      return this;
    }

    byte[] build() throws IOException {
      tar.close();
      return bytes.toByteArray();
    }
  }

  /** {@code data} compressed with gzip. */
  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }

  /** {@code data} compressed with zstd. */
  static byte[] zstd(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream zstd = new ZstdOutputStream(out)) {
      zstd.write(data);
    }
    return out.toByteArray();
  }
}
