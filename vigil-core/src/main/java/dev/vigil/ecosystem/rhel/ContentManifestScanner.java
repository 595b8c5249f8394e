package dev.vigil.ecosystem.rhel;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vigil.ecosystem.rpm.RpmPackageScanner;
import dev.vigil.model.Json;
import dev.vigil.model.Repository;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.FileTree;
import dev.vigil.spi.RepositoryScanner;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the content sets (Red Hat repository ids such as {@code rhel-9-for-x86_64-baseos-rpms})
 * that Red Hat's build systems record in an image: the content manifests {@code
 * root/buildinfo/content_manifests/*.json} and, in images built since 2025, {@code
 * usr/share/buildinfo/content-sets.json}. Each distinct content set becomes a repository with key
 * {@value #KEY}, a hint that the RHEL matcher turns into CPEs with Red Hat's repository-to-CPE map.
 * The hints apply to every package read from an rpm database of the image. A file that is not JSON,
 * too large or without a {@code content_sets} list of strings is skipped with a warning.
 *
 * <p>Stateless and thread-safe.
 */
public final class ContentManifestScanner implements RepositoryScanner {

  /** The repository key of content sets. */
  public static final String KEY = "rhel-content-set";

  /** Where content manifests live, one per image build. */
  public static final String MANIFESTS = "root/buildinfo/content_manifests";

  /** The content sets file of images built since 2025. */
  public static final String CONTENT_SETS = "usr/share/buildinfo/content-sets.json";

  private static final int MAX_BYTES = 1 << 20;

  @Override
  public String name() {
    return "rhel-content-manifest";
  }

  @Override
  public FileFilter files() {
    FileFilter manifests = path -> path.startsWith(MANIFESTS + "/") && path.endsWith(".json");
    return manifests.or(FileFilter.exactly(CONTENT_SETS));
  }

  @Override
  public List<Repository> scan(FileTree tree, Consumer<String> warnings) throws IOException {
    List<String> paths = new ArrayList<>(tree.list(MANIFESTS));
    paths.removeIf(path -> !path.endsWith(".json"));
    paths.add(CONTENT_SETS);
    Set<String> contentSets = new LinkedHashSet<>();
    for (String path : paths) {
      Optional<InputStream> opened = tree.open(path);
      if (opened.isPresent()) {
        try (InputStream in = opened.get()) {
          contentSets.addAll(read(path, in.readNBytes(MAX_BYTES + 1), warnings));
        }
      }
    }
    return contentSets.stream().map(set -> new Repository("", set, KEY, "", "")).toList();
  }

  @Override
  public boolean serves(String packageDb) {
    return RpmPackageScanner.DATABASES.contains(packageDb);
  }

  private static List<String> read(String path, byte[] bytes, Consumer<String> warnings) {
    if (bytes.length > MAX_BYTES) {
      warnings.accept("rhel: " + path + ": larger than " + MAX_BYTES + " bytes, skipped");
      return List.of();
    }
    JsonNode sets;
    try {
      sets = Json.mapper().readTree(bytes).path("content_sets");
    } catch (IOException e) {
      warnings.accept("rhel: " + path + ": not JSON, skipped");
      return List.of();
    }
    List<String> names = new ArrayList<>();
    sets.forEach(set -> names.add(set.isTextual() ? set.asText() : ""));
    if (!sets.isArray() || names.contains("")) {
      warnings.accept("rhel: " + path + ": no list of content sets, skipped");
      return List.of();
    }
    return names;
  }
}
