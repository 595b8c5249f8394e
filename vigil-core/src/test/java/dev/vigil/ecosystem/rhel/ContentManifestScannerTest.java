package dev.vigil.ecosystem.rhel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.osrelease.MemoryTree;
import dev.vigil.model.Repository;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentManifestScannerTest {
  private final ContentManifestScanner scanner = new ContentManifestScanner();
  private final List<String> warnings = new ArrayList<>();

  @TempDir Path tmp;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ContentManifestScannerTest.class.getResource("/ecosystem/rhel/" + name).toURI());
  }

  private List<String> names(Map<String, Path> layout) throws IOException {
    return scanner.scan(MemoryTree.of(layout), warnings::add).stream()
        .map(Repository::name)
        .toList();
  }

  @Test
  void readsContentSetsFromBothPlacesOnce() throws Exception {
    List<Repository> found =
        scanner.scan(
            MemoryTree.of(
                Map.of(
                    "root/buildinfo/content_manifests/ubi8-container-8.9-1.json",
                    resource("content-manifest-rhel8.json"),
                    "root/buildinfo/content_manifests/content-sets.json",
                    resource("content-sets.json"),
                    "usr/share/buildinfo/content-sets.json",
                    resource("content-sets.json"))),
            warnings::add);

    assertThat(warnings).isEmpty();
    assertThat(found).hasSize(18).allMatch(r -> r.key().equals(ContentManifestScanner.KEY));
    assertThat(found.stream().map(Repository::name))
        .startsWith("rhel-9-for-aarch64-appstream-rpms")
        .contains("rhel-9-for-x86_64-baseos-rpms", "rhel-8-for-x86_64-appstream-rpms")
        .doesNotHaveDuplicates();
  }

  @Test
  void skipsFilesThatAreNotContentManifests() throws Exception {
    Path notJson = Files.writeString(tmp.resolve("a.json"), "<html>");
    Path noSets = Files.writeString(tmp.resolve("b.json"), "{\"content_sets\": 1}");
    Path mixed = Files.writeString(tmp.resolve("c.json"), "{\"content_sets\": [\"x\", 2]}");
    Path huge = Files.write(tmp.resolve("d.json"), new byte[(1 << 20) + 1]);

    List<String> found =
        names(
            Map.of(
                "root/buildinfo/content_manifests/a.json", notJson,
                "root/buildinfo/content_manifests/b.json", noSets,
                "root/buildinfo/content_manifests/c.json", mixed,
                "root/buildinfo/content_manifests/d.json", huge,
                "root/buildinfo/content_manifests/e.json", resource("content-manifest-rhel8.json"),
                "root/buildinfo/content_manifests/notes.txt", notJson));

    assertThat(found)
        .containsExactly("rhel-8-for-x86_64-baseos-rpms", "rhel-8-for-x86_64-appstream-rpms");
    assertThat(warnings)
        .containsExactly(
            "rhel: root/buildinfo/content_manifests/a.json: not JSON, skipped",
            "rhel: root/buildinfo/content_manifests/b.json: no list of content sets, skipped",
            "rhel: root/buildinfo/content_manifests/c.json: no list of content sets, skipped",
            "rhel: root/buildinfo/content_manifests/d.json: larger than 1048576 bytes, skipped");
  }

  @Test
  void servesTheRpmDatabasesOnly() throws IOException {
    assertThat(scanner.serves("var/lib/rpm/rpmdb.sqlite")).isTrue();
    assertThat(scanner.serves("usr/lib/sysimage/rpm/Packages.db")).isTrue();
    assertThat(scanner.serves("lib/apk/db/installed")).isFalse();
    assertThat(scanner.files().wants("root/buildinfo/content_manifests/x.json")).isTrue();
    assertThat(scanner.files().wants("root/buildinfo/content_manifests/x.txt")).isFalse();
    assertThat(scanner.files().wants("usr/share/buildinfo/content-sets.json")).isTrue();
    assertThat(scanner.name()).isEqualTo("rhel-content-manifest");
    assertThat(names(Map.of())).isEmpty();
  }
}
