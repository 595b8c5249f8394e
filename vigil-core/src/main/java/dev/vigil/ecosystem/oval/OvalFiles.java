package dev.vigil.ecosystem.oval;

import dev.vigil.feed.FeedClient;
import dev.vigil.feed.FeedSet;
import dev.vigil.spi.FetchResult;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The per-release OVAL files a publisher lists in one directory (Debian's {@code
 * oval-definitions-bookworm.xml.bz2}, Canonical's {@code com.ubuntu.noble.usn.oval.xml.bz2}…),
 * fetched as one set: each conditionally on the validators in the previous fingerprint, and, when
 * any of them changed or the list changed, all of them again so that the directory holds the whole
 * set. Files keep their published names.
 *
 * <p>Immutable and thread-safe.
 *
 * @param component the updater's name, which starts error messages
 * @param source the directory listing the files, with a trailing slash
 * @param pattern the names of the files to fetch
 */
public record OvalFiles(String component, URI source, Pattern pattern) {

  /** Adds the trailing slash {@code source} may lack. */
  public OvalFiles {
    source = FeedClient.directory(source);
  }

  /**
   * Fetches every listed file into {@code dir}.
   *
   * @throws IOException when the source lists no matching file or a fetch fails
   */
  public FetchResult fetch(FeedClient client, Path dir, String previousFingerprint)
      throws IOException {
    Map<URI, Path> files = new LinkedHashMap<>();
    for (String name : listed(client)) {
      files.put(source.resolve(name), dir.resolve(name));
    }
    FeedSet.Result fetched = FeedSet.fetch(client, files, previousFingerprint);
    return new FetchResult(fetched.changed(), fetched.fingerprint());
  }

  /** The files of {@code dir} whose names match, sorted by name. */
  public List<Path> fetched(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f -> Files.isRegularFile(f) && pattern.matcher(f.getFileName().toString()).matches())
          .sorted()
          .toList();
    }
  }

  private List<String> listed(FeedClient client) throws IOException {
    TreeSet<String> names = new TreeSet<>();
    for (String entry : client.listDirectory(source)) {
      if (pattern.matcher(entry).matches()) {
        names.add(entry);
      }
    }
    if (names.isEmpty()) {
      throw new IOException(
          component + ": " + source + " lists no file named like " + pattern.pattern());
    }
    return List.copyOf(names);
  }
}
