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
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The per-release OVAL files a publisher lists in one directory (Debian's {@code
 * oval-definitions-bookworm.xml.bz2}, Canonical's {@code com.ubuntu.noble.usn.oval.xml.bz2}…),
 * fetched as one {@link FeedSet}. Files keep their published names. When a release is listed both
 * plain and compressed ({@code .xml} and {@code .xml.bz2}), only the compressed file is fetched. A
 * publisher whose server lists no directory gets fixed names instead.
 *
 * <p>Immutable and thread-safe.
 *
 * @param component the updater's name, which starts error messages
 * @param source the directory listing the files, with a trailing slash
 * @param pattern the names of the files to fetch, whose first group is the release
 * @param fixedNames the names to fetch without listing the directory, or empty to list it
 */
public record OvalFiles(String component, URI source, Pattern pattern, List<String> fixedNames) {

  /** Adds the trailing slash {@code source} may lack. */
  public OvalFiles {
    source = FeedClient.directory(source);
    fixedNames = List.copyOf(fixedNames);
  }

  /** The files of a directory that lists them. */
  public OvalFiles(String component, URI source, Pattern pattern) {
    this(component, source, pattern, List.of());
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
    if (!fixedNames.isEmpty()) {
      return fixedNames;
    }
    SortedMap<String, String> byRelease = new TreeMap<>();
    for (String entry : client.listDirectory(source)) {
      Matcher m = pattern.matcher(entry);
      if (m.matches()) {
        String release = m.groupCount() == 0 ? entry : m.group(1);
        byRelease.merge(release, entry, (a, b) -> a.length() >= b.length() ? a : b);
      }
    }
    TreeSet<String> names = new TreeSet<>(byRelease.values());
    if (names.isEmpty()) {
      throw new IOException(
          component + ": " + source + " lists no file named like " + pattern.pattern());
    }
    return List.copyOf(names);
  }
}
