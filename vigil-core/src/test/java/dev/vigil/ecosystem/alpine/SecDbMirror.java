package dev.vigil.ecosystem.alpine;

import static dev.vigil.testing.Fixtures.fixture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * A secdb mirror for tests: a directory laid out like secdb.alpinelinux.org, filled from the shared
 * secdb fixtures, and a web server dispatcher that serves it with an HTML index page and ETag-based
 * conditional GETs.
 */
final class SecDbMirror extends Dispatcher {
  private final Path root;

  private SecDbMirror(Path root) {
    this.root = root;
  }

  /**
   * Copies {@code files} (e.g. {@code v3.10/main.json}) from {@code feeds/alpine-secdb/} into
   * {@code root}, keeping their layout, and adds a {@code last-update} file as upstream has.
   */
  static SecDbMirror build(Path root, String... files) throws IOException {
    for (String file : files) {
      Path target = root.resolve(file);
      Files.createDirectories(target.getParent());
      Files.copy(fixture("feeds/alpine-secdb/" + file), target);
    }
    Files.writeString(root.resolve("last-update"), "2024-12-31T00:00:00Z\n");
    return new SecDbMirror(root);
  }

  Path root() {
    return root;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    Path file = root.resolve(request.getUrl().encodedPath().substring(1));
    if (Files.isDirectory(file)) {
      return new MockResponse.Builder().code(200).body(index(file)).build();
    }
    if (!Files.isRegularFile(file)) {
      return new MockResponse.Builder().code(404).build();
    }
    byte[] body = read(file);
    String etag = "\"" + sha256(body) + "\"";
    if (etag.equals(request.getHeaders().get("If-None-Match"))) {
      return new MockResponse.Builder().code(304).addHeader("ETag", etag).build();
    }
    return new MockResponse.Builder()
        .code(200)
        .addHeader("ETag", etag)
        .body(new Buffer().write(body))
        .build();
  }

  private static String index(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      List<String> names =
          entries.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
      return "<html><body><h1>Index of /</h1><hr><pre><a href=\"../\">../</a>\n"
          + names.stream()
              .map(n -> "<a href=\"" + n + "\">" + n + "</a>")
              .collect(Collectors.joining("\n"))
          + "\n</pre><hr></body></html>\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}
