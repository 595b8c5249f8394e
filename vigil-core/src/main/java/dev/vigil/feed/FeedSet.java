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
 * Fetches several feed files as one set: each conditionally on the validators the previous
 * fingerprint recorded for it, and, when any of them changed or the set itself changed, the
 * unchanged ones again, so that the directory always holds the whole set.
 */
public final class FeedSet {

  /**
   * What a fetch of the set found.
   *
   * @param changed false when every file was unchanged and the set is the same
   * @param fingerprint the validators of every file, for the next fetch
   */
  public record Result(boolean changed, String fingerprint) {}

  private FeedSet() {}

  /**
   * Fetches each source URI of {@code files} into its target path.
   *
   * @param previousFingerprint the fingerprint of the last committed fetch, or empty
   */
  public static Result fetch(FeedClient client, Map<URI, Path> files, String previousFingerprint)
      throws IOException {
    SortedMap<String, Validators> previous = Fingerprint.decode(previousFingerprint);
    SortedMap<String, Validators> next = new TreeMap<>();
    List<URI> unchanged = new ArrayList<>();
    boolean changed = false;
    for (Map.Entry<URI, Path> file : files.entrySet()) {
      URI uri = file.getKey();
      Validators since = previous.getOrDefault(uri.toString(), Validators.NONE);
      FeedResponse response = client.fetch(uri, since, file.getValue());
      next.put(uri.toString(), response.validators());
      if (response.notModified()) {
        unchanged.add(uri);
      } else {
        changed = true;
      }
    }
    changed |= !next.keySet().equals(previous.keySet());
    if (changed) {
      for (URI uri : unchanged) {
        next.put(uri.toString(), client.fetch(uri, Validators.NONE, files.get(uri)).validators());
      }
    }
    return new Result(changed, Fingerprint.encode(next));
  }
}
