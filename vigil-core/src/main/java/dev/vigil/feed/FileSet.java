package dev.vigil.feed;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Files an updater fetches as one set: each conditionally on the validators in the previous
 * fingerprint, and, when any of them changed or the set of URLs changed, all of them again, so that
 * the target directory holds the whole set whenever the result says it changed.
 */
public final class FileSet {

  private FileSet() {}

  /**
   * What a fetch found.
   *
   * @param changed false when every file was unchanged since the previous fingerprint
   * @param fingerprint the validators of every URL, for the next fetch
   */
  public record Fetched(boolean changed, String fingerprint) {}

  /**
   * Fetches every file.
   *
   * @param files where each URL is written
   * @param previousFingerprint the fingerprint of the last fetch, possibly empty
   * @throws IOException when a fetch fails
   */
  public static Fetched fetch(FeedClient client, Map<URI, Path> files, String previousFingerprint)
      throws IOException {
    SortedMap<String, Validators> previous = Fingerprint.decode(previousFingerprint);
    SortedMap<String, Validators> next = new TreeMap<>();
    List<Map.Entry<URI, Path>> unchanged = new ArrayList<>();
    boolean changed = false;
    for (Map.Entry<URI, Path> file : files.entrySet()) {
      URI uri = file.getKey();
      FeedResponse response =
          client.fetch(
              uri, previous.getOrDefault(uri.toString(), Validators.NONE), file.getValue());
      next.put(uri.toString(), response.validators());
      if (response.notModified()) {
        unchanged.add(file);
      } else {
        changed = true;
      }
    }
    changed |= !next.keySet().equals(previous.keySet());
    if (changed) {
      for (Map.Entry<URI, Path> file : unchanged) {
        FeedResponse response = client.fetch(file.getKey(), Validators.NONE, file.getValue());
        next.put(file.getKey().toString(), response.validators());
      }
    }
    return new Fetched(changed, Fingerprint.encode(next));
  }
}
