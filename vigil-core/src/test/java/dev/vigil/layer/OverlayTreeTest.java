package dev.vigil.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.model.Digest;
import dev.vigil.spi.FileFilter;
import dev.vigil.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OverlayTreeTest {
  private static final FileFilter EVERYTHING = path -> true;
  private static final FileFilter OS_RELEASE =
      FileFilter.exactly("etc/os-release", "usr/lib/os-release");
  private static final String OVERWRITE_LOWER =
      "d8eba83b02c81c370d6654c9e2052849fb9caebc93dc43c0f41bdb34dd939c20";
  private static final String OVERWRITE_UPPER =
      "34768a4be296bc17ef53a745ac52278c4addc4e56522bef11a4fae805a26de7f";
  private static final String SYMLINK_BASIC =
      "302e26aeea9d4540c62d440e8fc15820ffdf9885121a36819950ca1b847eb0dc";
  private static final String SYMLINK_CYCLE =
      "1bb06f516d31d5ad36099e1494ae6ad1e73cdec098be1c62d41926533529edae";
  private static final String SYMLINK_DEPTH =
      "44c4fbc893eb0eacf43bd2baab1e300267c5b2080c84bc3201738df5b13e4bca";
  private static final String SYMLINK_ATTACK =
      "4c839dab784e3f2c70bcf08896a9d8345f529ffad8d3ed34487f2a4675b77558";
  private static final String DANGLING_LOWER =
      "6e78da665fccc41f2a4933e25139fd21499e2c04d1cdfc2ab6cf49d2bbcef3dd";
  private static final String DANGLING_UPPER =
      "d84c293c1c5b63431b08ad06699462d9372328af2c75ba6efa971e299309b493";

  @TempDir Path spool;
  private final OverlayTree tree = new OverlayTree();

  @AfterEach
  void close() throws IOException {
    tree.close();
  }

  @Test
  void fileWhiteoutRemovesALowerFile() throws IOException {
    apply(EVERYTHING, tar(new TestLayers.TarBuilder().file("etc/profile", "export A=1\n")));

    OverlayTree.Changes changes = apply(EVERYTHING, whiteoutLayer("whiteout.layer"));

    assertThat(changes.paths()).containsExactly("etc/profile");
    assertThat(tree.read("etc/profile")).isEmpty();
  }

  @Test
  void whiteoutsRemoveFilesAndWholeDirectories() throws IOException {
    apply(
        EVERYTHING,
        tar(
            new TestLayers.TarBuilder()
                .file("a/a_file.txt", "1")
                .file("a/other.txt", "2")
                .file("a_root_file.txt", "3")
                .file("b/c/deep.txt", "4")
                .symlink("b/link", "../a/other.txt")
                .file("bb", "5")));

    OverlayTree.Changes changes = apply(EVERYTHING, whiteoutLayer("whiteout_advanced.layer"));

    assertThat(changes.paths())
        .containsExactly("a/a_file.txt", "a_root_file.txt", "b/c/deep.txt", "b/link");
    assertThat(tree.list("")).containsExactly("a/other.txt", "bb");
  }

  @Test
  void opaqueDirectoryHidesEverythingBelowIt() throws IOException {
    apply(
        EVERYTHING,
        tar(
            new TestLayers.TarBuilder()
                .file("a/one", "1")
                .file("a/sub/two", "2")
                .file("ab", "3")
                .file("b/keep", "4")));

    OverlayTree.Changes changes = apply(EVERYTHING, whiteoutLayer("whiteout_opaque.layer"));

    assertThat(changes.paths()).containsExactly("a/one", "a/sub/two", "b/not.a.wh..wh..opq");
    assertThat(tree.list("")).containsExactly("ab", "b/keep", "b/not.a.wh..wh..opq");
  }

  @Test
  void upperLayerOverwritesAFile() throws IOException {
    apply(EVERYTHING, edgeCase("overwrite-file", OVERWRITE_LOWER));

    OverlayTree.Changes changes = apply(EVERYTHING, edgeCase("overwrite-file", OVERWRITE_UPPER));

    assertThat(changes.paths()).containsExactly("sample.txt");
    assertThat(text("sample.txt")).contains("overwritten sample text file\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dir1/sample.txt",
        "dir1/absolute-symlink.txt",
        "dir1/chain-symlink.txt",
        "dir1/relative-dot-symlink.txt",
        "dir1/relative-symlink.txt",
        "/dir1/../dir1/./relative-symlink.txt"
      })
  void followsRelativeAbsoluteAndChainedLinks(String path) throws IOException {
    apply(EVERYTHING, edgeCase("symlink-basic", SYMLINK_BASIC));

    assertThat(text(path)).contains("sample text\n");
  }

  @Test
  void linkLoopsAreAbsent() throws IOException {
    apply(EVERYTHING, edgeCase("symlink-cycle", SYMLINK_CYCLE));

    assertThat(tree.resolve("dir1/chain-symlink.txt")).isEmpty();
    assertThat(tree.read("dir1/sample.txt")).isEmpty();
    assertThat(tree.list("dir1")).isEmpty();
  }

  @Test
  void followsSevenHopsButNotMoreThanTheLimit() throws IOException {
    apply(EVERYTHING, edgeCase("symlink-depth-exceeded", SYMLINK_DEPTH));
    assertThat(text("dir1/symlink7.txt")).contains("sample text\n");

    TestLayers.TarBuilder chain = new TestLayers.TarBuilder().file("end", "reached");
    for (int i = 0; i <= OverlayTree.MAX_LINK_HOPS; i++) {
      chain.symlink("hop" + i, i == 0 ? "end" : "hop" + (i - 1));
    }
    apply(EVERYTHING, tar(chain));

    assertThat(text("hop" + (OverlayTree.MAX_LINK_HOPS - 1))).contains("reached");
    assertThat(tree.read("hop" + OverlayTree.MAX_LINK_HOPS)).isEmpty();
  }

  @Test
  void danglingLinksAcrossLayersAreAbsent() throws IOException {
    apply(EVERYTHING, edgeCase("symlink-dangling", DANGLING_LOWER));
    apply(EVERYTHING, edgeCase("symlink-dangling", DANGLING_UPPER));

    assertThat(tree.read("dir2/dir3/absolute-chain-symlink.txt")).isEmpty();
    assertThat(tree.read("dir2/dir3/relative-subfolder-symlink.txt")).isEmpty();
    assertThat(tree.resolve("dir2/dir3/relative-subfolder-symlink.txt"))
        .contains("dir1/sample.txt");
  }

  @Test
  void linksPointingAboveTheRootStayInsideIt() throws IOException {
    apply(EVERYTHING, edgeCase("symlink-attack", SYMLINK_ATTACK));

    assertThat(tree.read("dir1/attack-symlink.txt")).isEmpty();
    assertThat(tree.resolve("dir1/attack-symlink.txt")).contains("secret.txt");
    assertThat(tree.resolve("dir1/attack-symlink-absolute.txt")).contains("secret.txt");

    apply(EVERYTHING, tar(new TestLayers.TarBuilder().file("secret.txt", "inside the image")));

    assertThat(text("dir1/attack-symlink.txt")).contains("inside the image");
    assertThat(text("dir1/attack-symlink-absolute.txt")).contains("inside the image");
  }

  @Test
  void readsOsReleaseThroughItsSymlink() throws IOException {
    byte[] osRelease = alpineFile("etc/os-release");
    apply(
        OS_RELEASE,
        tar(
            new TestLayers.TarBuilder()
                .symlink("etc/os-release", "../usr/lib/os-release")
                .file("usr/lib/os-release", osRelease)
                .file("usr/lib/other", "not wanted")));

    assertThat(tree.read("etc/os-release")).hasValue(osRelease);
    assertThat(tree.read("usr/lib/other")).isEmpty();

    OverlayTree.Changes changes =
        apply(OS_RELEASE, tar(new TestLayers.TarBuilder().file("usr/lib/os-release", "ID=x\n")));

    assertThat(changes.wantedBy(OS_RELEASE)).isTrue();
    assertThat(changes.wantedBy(FileFilter.exactly("lib/apk/db/installed"))).isFalse();
    assertThat(text("etc/os-release")).contains("ID=x\n");
  }

  @Test
  void readsAnAlpineRootFilesystem() throws IOException {
    FileFilter wanted = FileFilter.exactly("lib/apk/db/installed").or(OS_RELEASE);
    Path rootfs = Fixtures.fixture("rootfs/alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz");

    OverlayTree.Changes changes =
        apply(wanted, TarLayer.ofFile(Digest.sha256(Files.readAllBytes(rootfs)), rootfs));

    assertThat(changes.wantedBy(wanted)).isTrue();
    assertThat(text("etc/os-release")).hasValueSatisfying(s -> assertThat(s).contains("ID=alpine"));
    assertThat(text("/lib/apk/db/installed"))
        .hasValueSatisfying(s -> assertThat(s).contains("P:musl\nV:1.2.5-r0\n"));
    assertThat(tree.list("lib/apk")).containsExactly("lib/apk/db/installed");
    try (InputStream in = tree.open("lib/apk/db/installed").orElseThrow()) {
      assertThat(in.readAllBytes()).hasSize(14206);
    }
  }

  @Test
  void listsFilesThroughADirectoryLink() throws IOException {
    apply(
        EVERYTHING,
        tar(
            new TestLayers.TarBuilder()
                .file("usr/lib/os-release", "ID=debian\n")
                .file("usr/lib/x/y", "y")
                .symlink("lib", "usr/lib")
                .symlink("root", "/")));

    assertThat(tree.list("lib")).containsExactly("lib/os-release", "lib/x/y");
    assertThat(tree.resolve("lib/../lib/x/../os-release")).contains("usr/lib/os-release");
    assertThat(tree.resolve("/root/../../lib/x/y")).contains("usr/lib/x/y");
    assertThat(tree.list("root/usr/lib/x")).containsExactly("root/usr/lib/x/y");
    assertThat(text("lib/x/y")).contains("y");
  }

  @Test
  void aDirectoryReplacesALowerLinkAndANonDirectoryHidesWhatWasBelowIt() throws IOException {
    apply(
        EVERYTHING,
        tar(
            new TestLayers.TarBuilder()
                .symlink("var/run", "../run")
                .file("run/app.pid", "1")
                .file("opt/app/config", "c")));

    OverlayTree.Changes changes =
        apply(
            FileFilter.exactly("var/run/new.pid"),
            tar(
                new TestLayers.TarBuilder()
                    .dir("var/run")
                    .file("var/run/new.pid", "2")
                    .file("opt/app", "now a file, not kept")));

    assertThat(changes.paths()).containsExactly("opt/app/config", "var/run", "var/run/new.pid");
    assertThat(tree.read("var/run/app.pid")).isEmpty();
    assertThat(text("var/run/new.pid")).contains("2");
    assertThat(tree.read("opt/app/config")).isEmpty();
  }

  @Test
  void closingTheTreeDeletesSpooledContent() throws IOException {
    byte[] installed = Files.readAllBytes(Fixtures.fixture("pkgdb/apk/alpine-3.16ish/installed"));
    LayerCollector collector = new LayerCollector(EVERYTHING, 100, spool);
    tree.apply(
        collector.collect(
            TestLayers.inMemory(
                new TestLayers.TarBuilder().file("lib/apk/db/installed", installed).build())));

    assertThat(tree.read("lib/apk/db/installed")).hasValue(installed);
    tree.close();

    try (Stream<Path> left = Files.list(spool)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void listsNothingForAMissingDirectory() {
    assertThat(tree.list("nowhere")).isEqualTo(List.of());
  }

  private OverlayTree.Changes apply(FileFilter filter, LayerSource layer) throws IOException {
    return tree.apply(new LayerCollector(filter, 1 << 20, spool).collect(layer));
  }

  private Optional<String> text(String path) throws IOException {
    return tree.read(path).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
  }

  private static TarLayer tar(TestLayers.TarBuilder builder) throws IOException {
    return TestLayers.inMemory(builder.build());
  }

  private static TarLayer edgeCase(String image, String layerId) throws IOException {
    return TestLayers.edgeCaseLayer(image, layerId);
  }

  private static TarLayer whiteoutLayer(String name) throws IOException {
    Path file = Fixtures.fixture("images/layers-whiteout/" + name);
    return TarLayer.ofFile(Digest.sha256(Files.readAllBytes(file)), file);
  }

  /** A file of the real Alpine 3.20.3 minirootfs. */
  private byte[] alpineFile(String path) throws IOException {
    Path rootfs = Fixtures.fixture("rootfs/alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz");
    try (LayerSnapshot snapshot =
        new LayerCollector(FileFilter.exactly(path), 1 << 20, spool)
            .collect(TarLayer.ofFile(Digest.sha256(new byte[0]), rootfs))) {
      return snapshot.files().get(path).readAllBytes();
    }
  }
}
