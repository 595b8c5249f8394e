package dev.vigil.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a layer cache directory holds, for tests that check nothing was left behind. */
public final class CacheFiles {
  private CacheFiles() {}

  /** The blobs and partial downloads under {@code cache}, as sorted relative paths. */
  public static List<String> of(Path cache) throws IOException {
    if (!Files.exists(cache)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(cache)) {
      return files
          .filter(Files::isRegularFile)
          .map(p -> cache.relativize(p).toString())
          .filter(name -> name.startsWith("blobs/") || name.startsWith("tmp/"))
          .sorted()
          .toList();
    }
  }
}
