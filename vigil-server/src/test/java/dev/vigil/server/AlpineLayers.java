package dev.vigil.server;

import dev.vigil.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Layer blobs for tests: the real Alpine layer of fixture pair P1, and small layers on top. */
final class AlpineLayers {
  /** Pair P1's image: alpine:3.10 (3.10.4) as {@code docker save} wrote it. */
  static final String P1_IMAGE = "images/docker-archive/alpine-3.10.4-docker-save.tar.gz";

  /** The digest of P1's only layer (its layer.tar), as its config's diff_ids says. */
  static final String P1_LAYER =
      "sha256:531743b7098cb2aaf615641007a129173f63ed86ca32fe7b5a246a1c47286028";

  private AlpineLayers() {}

  /** The bytes of P1's layer.tar. */
  static byte[] p1Layer() throws IOException {
    try (InputStream file = Files.newInputStream(Fixtures.fixture(P1_IMAGE));
        TarArchiveInputStream tar =
            new TarArchiveInputStream(new GzipCompressorInputStream(file))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        if (e.getName().endsWith("/layer.tar")) {
          return tar.readAllBytes();
        }
      }
    }
    throw new IllegalStateException("fixtures: no layer.tar in " + P1_IMAGE);
  }

  /**
   * A local SecDB mirror holding only the v3.10 files of the fixture feed, laid out like upstream.
   */
  static URI secDbMirror(Path dir) throws IOException {
    Path branch = Files.createDirectories(dir.resolve("secdb/v3.10"));
    for (String file : new String[] {"main.json", "community.json"}) {
      Files.copy(Fixtures.fixture("feeds/alpine-secdb/v3.10/" + file), branch.resolve(file));
    }
    return dir.resolve("secdb").toUri();
  }

  /** A layer holding one text file. */
  static byte[] fileLayer(String path, String content) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry entry = new TarArchiveEntry(path);
      entry.setSize(data.length);
      tar.putArchiveEntry(entry);
      tar.write(data);
      tar.closeArchiveEntry();
    }
    return bytes.toByteArray();
  }
}
