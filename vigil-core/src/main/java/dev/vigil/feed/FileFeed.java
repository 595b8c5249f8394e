package dev.vigil.feed;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code file:} half of {@link FeedClient}: a directory mirror, where a file's size and
 * modification time stand in for HTTP validators. Thread-safe.
 */
final class FileFeed {
  private final long maxBytes;

  FileFeed(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  FeedResponse fetch(URI uri, Validators previous, Path target) throws IOException {
    Path source = Path.of(uri);
    BasicFileAttributes attributes = attributes(uri, source);
    if (!attributes.isRegularFile()) {
      throw new IOException("feed: " + uri + " is not a regular file");
    }
    String what = "GET " + uri;
    Bodies.checkLength(attributes.size(), maxBytes, what);
    Validators current = validators(attributes);
    if (current.etag().equals(previous.etag())) {
      return new FeedResponse(FeedResponse.Status.NOT_MODIFIED, previous);
    }
    try (InputStream in = Files.newInputStream(source)) {
      Bodies.writeAtomically(in, target, maxBytes, what);
    }
    return new FeedResponse(FeedResponse.Status.OK, current);
  }

  List<String> list(URI dir) throws IOException {
    Path directory = Path.of(dir);
    if (!Files.isDirectory(directory)) {
      throw new FeedNotFoundException("feed: no such directory " + dir);
    }
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        names.add(Files.isDirectory(entry) ? name + "/" : name);
      }
    }
    names.sort(null);
    return names;
  }

  private static BasicFileAttributes attributes(URI uri, Path source) throws IOException {
    try {
      return Files.readAttributes(source, BasicFileAttributes.class);
    } catch (NoSuchFileException e) {
      throw new FeedNotFoundException("feed: no such file " + uri);
    }
  }

  private static Validators validators(BasicFileAttributes attributes) {
    long modified = attributes.lastModifiedTime().toMillis();
    String etag = "\"" + attributes.size() + "-" + modified + "\"";
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            attributes.lastModifiedTime().toInstant().atZone(ZoneOffset.UTC));
    return new Validators(etag, date);
  }
}
