package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.ecosystem.debian.DebianRelease;
import dev.vigil.ecosystem.dpkg.DpkgStatusScanner;
import dev.vigil.ecosystem.dpkg.DpkgTool;
import dev.vigil.image.Image;
import dev.vigil.image.ImageInput;
import dev.vigil.indexer.Indexer;
import dev.vigil.model.Digest;
import dev.vigil.model.IndexReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rig's Debian image (debootstrap minbase bookworm, then curl installed, then curl purged) in
 * its three tags: Vigil's inventory is what Debian's own dpkg-query lists as installed in a copy of
 * each tag's final dpkg status, and each package keeps the layer that introduced it.
 */
class DebianRigImagesTest {
  private static final String BASE = "debian-minbase-bookworm-base";
  private static final String CURL = "debian-minbase-bookworm-curl";
  private static final String FINAL = "debian-minbase-bookworm";

  private static IndexReport index(Image image) throws IOException {
    return Indexer.withDefaults().index(image.manifestDigest(), image.layers()).report();
  }

  /** "name version source source-version arch" per package, as DpkgTool lists them. */
  private static List<String> inventory(IndexReport report) {
    return report.packages().values().stream()
        .map(
            p ->
                String.join(
                    " ", p.name(), p.version(), p.source().name(), p.source().version(), p.arch()))
        .sorted()
        .toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {BASE, CURL, FINAL})
  void listsWhatDpkgQueryListsInEachTag(String tag, @TempDir Path tmp) throws IOException {
    Image image = RigImages.open(tag);
    Path admin = Files.createDirectories(tmp.resolve("admin"));
    Files.write(admin.resolve("status"), RigImages.finalFile(image, DpkgStatusScanner.STATUS));

    IndexReport report = index(image);

    List<String> truth = DpkgTool.installed(admin).stream().sorted().toList();
    assertThat(truth).hasSizeGreaterThan(80);
    assertThat(inventory(report)).isEqualTo(truth);
    assertThat(report.distributions().values())
        .singleElement()
        .satisfies(d -> assertThat(DebianRelease.of(d)).contains("bookworm"));
  }

  @Test
  void keepsTheLayerThatIntroducedEachPackage() throws IOException {
    Image image = RigImages.open(FINAL);
    List<Digest> layers = image.layers().stream().map(l -> l.digest()).toList();
    Set<String> base = keys(index(RigImages.open(BASE)));
    Set<String> withCurl = keys(index(RigImages.open(CURL)));

    IndexReport report = index(image);

    assertThat(layers).hasSize(3);
    Map<String, Digest> introduced = new TreeMap<>();
    report
        .packages()
        .forEach(
            (id, p) ->
                introduced.put(
                    p.name() + " " + p.version(),
                    report.environments().get(id).get(0).introducedIn()));
    assertThat(curlKeys(withCurl)).hasSize(2);
    assertThat(introduced.keySet()).doesNotContain(curlKeys(withCurl)).containsAll(base);
    introduced.forEach(
        (pkg, layer) ->
            assertThat(layer)
                .as(pkg)
                .isEqualTo(base.contains(pkg) ? layers.get(0) : layers.get(1)));
    assertThat(introduced.values()).contains(layers.get(1)).doesNotContain(layers.get(2));
    assertThat(introduced.keySet()).anyMatch(k -> k.startsWith("ca-certificates "));
  }

  @Test
  void readsTheArchivedImageTheSame() throws IOException {
    IndexReport layout = index(RigImages.open(FINAL));
    Image archive =
        ImageInput.open(
            "oci-archive:" + RigImages.dir().resolve("debian-minbase-bookworm.oci.tar"));

    assertThat(inventory(index(archive))).isEqualTo(inventory(layout));
  }

  private static Set<String> keys(IndexReport report) {
    return report.packages().values().stream()
        .map(p -> p.name() + " " + p.version())
        .collect(Collectors.toSet());
  }

  /** The curl packages the last layer purged. */
  private static String[] curlKeys(Set<String> withCurl) {
    return withCurl.stream()
        .filter(k -> k.startsWith("curl ") || k.startsWith("libcurl4 "))
        .toArray(String[]::new);
  }
}
