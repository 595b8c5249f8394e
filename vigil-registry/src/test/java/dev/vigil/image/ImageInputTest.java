package dev.vigil.image;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.layer.DirectoryLayer;
import dev.vigil.layer.LayerSource;
import dev.vigil.layer.OverlayTree;
import dev.vigil.layer.TarLayer;
import dev.vigil.model.Digest;
import dev.vigil.spi.FileFilter;
import dev.vigil.spi.ScanException;
import dev.vigil.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageInputTest {
  private static final String MINIROOTFS = "rootfs/alpine/alpine-minirootfs-3.20.3-x86_64.tar.gz";
  private static final FileFilter ALPINE_FILES =
      FileFilter.exactly("lib/apk/db/installed", "etc/os-release");

  @TempDir Path temp;

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "oci:/images/alpine:3.20, OCI, /images/alpine, 3.20",
        "oci:/images/alpine, OCI, /images/alpine, null",
        "oci-archive:a.tar:latest, OCI_ARCHIVE, a.tar, latest",
        "docker-archive:save.tar:alpine:3.10, DOCKER_ARCHIVE, save.tar, alpine:3.10",
        "docker-archive:save.tar, DOCKER_ARCHIVE, save.tar, null",
        "dir:/roots/a:b, DIR, /roots/a:b, null",
        "rootfs:/x/minirootfs.tar.gz, ROOTFS, /x/minirootfs.tar.gz, null",
        "docker://alpine:3.10, REGISTRY, alpine:3.10, null",
        "registry:quay.io/org/app@sha256:00, REGISTRY, quay.io/org/app@sha256:00, null",
        "alpine:3.10, REGISTRY, alpine:3.10, null",
        "quay.io/projectquay/clair:4.8, REGISTRY, quay.io/projectquay/clair:4.8, null",
        "/no/such/image.tar, DETECT, /no/such/image.tar, null",
        "./image.tar, DETECT, ./image.tar, null"
      })
  void parsesPrefixesAndReferences(String text, String kind, String location, String reference) {
    assertThat(ImageInput.parse(text))
        .isEqualTo(new ImageInput(ImageInput.Kind.valueOf(kind), location, reference));
  }

  @Test
  void keepsAColonInAnExistingPath() throws IOException {
    Path dir = Files.createDirectories(temp.resolve("a:b"));

    assertThat(ImageInput.parse("oci:" + dir))
        .isEqualTo(new ImageInput(ImageInput.Kind.OCI, dir.toString(), null));
    assertThat(ImageInput.parse(dir.toString()).kind()).isEqualTo(ImageInput.Kind.DETECT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"oci:/images/alpine:3.20", "dir:/roots/a", "docker-archive:s.tar:a:1"})
  void printsBackAsGiven(String text) {
    assertThat(ImageInput.parse(text)).hasToString(text);
  }

  @Test
  void opensARootfsTarballAsOneLayer() throws IOException {
    Path tarball = Fixtures.fixture(MINIROOTFS);
    Digest fileDigest = Digest.sha256(Files.readAllBytes(tarball));

    Image prefixed = ImageInput.open("rootfs:" + tarball);
    Image detected = ImageInput.open(tarball.toString());

    assertThat(prefixed.layers()).singleElement().isInstanceOf(TarLayer.class);
    assertThat(prefixed.layers().get(0).digest()).isEqualTo(fileDigest);
    assertThat(prefixed.manifestDigest())
        .isEqualTo(Digest.sha256((fileDigest + "\n").getBytes(UTF_8)))
        .isEqualTo(detected.manifestDigest());
    assertThat(prefixed.platform()).isNull();
    try (OverlayTree tree = Trees.of(detected, ALPINE_FILES)) {
      assertThat(tree.read("etc/os-release").map(b -> new String(b, UTF_8)))
          .hasValueSatisfying(text -> assertThat(text).contains("VERSION_ID=3.20.3"));
      assertThat(tree.read("lib/apk/db/installed")).isPresent();
    }
  }

  @Test
  void opensARootDirectoryAsOneLayer() throws IOException {
    Path root = temp.resolve("root");
    Files.createDirectories(root.resolve("lib/apk/db"));
    Files.createDirectories(root.resolve("usr/lib"));
    Files.createDirectories(root.resolve("etc"));
    Files.copy(
        Fixtures.fixture("pkgdb/apk/alpine-3.18ish/installed"),
        root.resolve("lib/apk/db/installed"));
    Files.writeString(root.resolve("usr/lib/os-release"), "ID=alpine\nVERSION_ID=3.18.4\n");
    Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));

    Image prefixed = ImageInput.open("dir:" + root);
    Image detected = ImageInput.open(root.toString());

    assertThat(prefixed.layers()).singleElement().isInstanceOf(DirectoryLayer.class);
    assertThat(detected.manifestDigest())
        .isEqualTo(prefixed.manifestDigest())
        .isEqualTo(Image.layerListDigest(prefixed.layers()));
    FileFilter wanted = ALPINE_FILES.or(FileFilter.exactly("usr/lib/os-release"));
    try (OverlayTree tree = Trees.of(detected, wanted)) {
      assertThat(tree.read("etc/os-release"))
          .hasValue("ID=alpine\nVERSION_ID=3.18.4\n".getBytes(UTF_8));
    }
  }

  @Test
  void detectsADockerArchive() throws IOException {
    Image image =
        ImageInput.open(
            Fixtures.fixture("images/docker-archive/alpine-3.10.4-docker-save.tar.gz").toString());

    assertThat(image.name()).isEqualTo("alpine:3.10");
    assertThat(image.layers()).extracting(LayerSource::digest).hasSize(1);
  }

  @Test
  void detectsAnOciLayoutDirectory() throws IOException {
    Image image = ImageInput.open(Fixtures.fixture("images/oci-layout/hello-world").toString());

    assertThat(image.manifestDigest().hex()).startsWith("afb744871f99");
  }

  @Test
  void rejectsAFileThatIsNotATar() throws IOException {
    Path text = Files.writeString(temp.resolve("notes.txt"), "not a tar archive\n".repeat(100));

    assertThatThrownBy(() -> ImageInput.open(text.toString()))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("image: " + text + " is not a readable tar archive");
  }

  @Test
  void rejectsMissingInputs() {
    Path missing = temp.resolve("missing");

    assertThatThrownBy(() -> ImageInput.open(missing.toString()))
        .isInstanceOf(ScanException.class)
        .hasMessage("image: no such file or directory: " + missing);
    assertThatThrownBy(() -> ImageInput.open("dir:" + missing))
        .hasMessage("dir: no such directory: " + missing);
    assertThatThrownBy(() -> ImageInput.open("oci:" + missing))
        .hasMessage("oci: no such directory: " + missing);
    assertThatThrownBy(() -> ImageInput.open("rootfs:" + missing))
        .hasMessage("rootfs: no such file: " + missing);
    assertThatThrownBy(() -> ImageInput.open("oci-archive:" + missing))
        .hasMessage("oci-archive: no such file: " + missing);
  }

  @Test
  void aTruncatedRootfsFailsWhenItsLayerIsRead() throws IOException {
    Path tarball = Fixtures.fixture(MINIROOTFS);
    Path truncated =
        Archives.truncated(tarball, temp.resolve("cut.tar.gz"), Files.size(tarball) / 2);
    Image image = ImageInput.open("rootfs:" + truncated);

    assertThatThrownBy(() -> Trees.of(image, ALPINE_FILES).close())
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("layer " + image.layers().get(0).digest() + ": ");
  }
}
