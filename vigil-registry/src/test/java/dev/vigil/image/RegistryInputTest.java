package dev.vigil.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.layer.LayerEntry;
import dev.vigil.layer.LayerSource;
import dev.vigil.model.Digest;
import dev.vigil.registry.Platform;
import dev.vigil.registry.RegistryException;
import dev.vigil.registry.RegistrySettings;
import dev.vigil.registry.Rig;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Registry references through {@link ImageInput}: the same image pulled from the rig's registry and
 * read from its docker-save and OCI archives gives the same layers, entry for entry.
 */
class RegistryInputTest {
  private static final Rig RIG = Rig.get();

  @TempDir Path cache;

  private Image pull(String reference, Platform platform) throws IOException {
    RegistrySettings settings = RegistrySettings.builder().cacheDirectory(cache).build();
    return ImageInput.open(reference, platform, settings);
  }

  /** Every entry of every layer: type, path, link target, size and content digest. */
  private static List<List<String>> entries(Image image) throws IOException {
    List<List<String>> layers = new ArrayList<>();
    for (LayerSource layer : image.layers()) {
      List<String> entries = new ArrayList<>();
      layer.read(entry -> entries.add(describe(entry)));
      layers.add(entries);
    }
    return layers;
  }

  private static String describe(LayerEntry entry) throws IOException {
    MessageDigest sha256 = Digest.newSha256();
    entry.content().transferTo(new DigestOutputStream(OutputStream.nullOutputStream(), sha256));
    String path = entry.path().startsWith("./") ? entry.path().substring(2) : entry.path();
    return entry.type()
        + " "
        + path
        + " -> "
        + entry.linkTarget()
        + " "
        + entry.size()
        + " "
        + Digest.sha256(sha256);
  }

  @Test
  void theDebianImageFromTheRegistryMatchesItsArchives() throws IOException {
    Image pulled =
        pull(RIG.open() + "/" + RIG.value("RIG_IMG_DEBIAN_MINBASE_BOOKWORM"), Platform.LINUX_AMD64);
    Image oci = ImageInput.open("oci-archive:" + RIG.archive("debian-minbase-bookworm.oci.tar"));
    Image docker =
        ImageInput.open("docker-archive:" + RIG.archive("debian-minbase-bookworm.docker.tar"));

    assertThat(pulled.manifestDigest())
        .hasToString(RIG.value("RIG_IMG_DEBIAN_MINBASE_BOOKWORM_DIGEST"))
        .isEqualTo(oci.manifestDigest());
    assertThat(pulled.layers())
        .extracting(LayerSource::digest)
        .containsExactlyElementsOf(oci.layers().stream().map(LayerSource::digest).toList());
    List<List<String>> fromRegistry = entries(pulled);
    assertThat(fromRegistry).hasSize(3);
    assertThat(fromRegistry.get(2)).anyMatch(e -> e.contains("usr/bin/.wh.curl"));
    assertThat(fromRegistry).isEqualTo(entries(docker));
  }

  @Test
  void theTinyMultiArchImageMatchesItsDockerArchive() throws IOException {
    Image pulled = pull(RIG.open() + "/rig/tiny:multiarch", Platform.LINUX_AMD64);
    Image docker = ImageInput.open("docker-archive:" + RIG.archive("tiny.docker.tar"));

    List<List<String>> fromRegistry = entries(pulled);
    assertThat(pulled.manifestDigest()).hasToString(RIG.value("RIG_IMG_TINY_1_0_DIGEST"));
    assertThat(pulled.platform()).isEqualTo(Platform.LINUX_AMD64);
    assertThat(fromRegistry.get(0))
        .anyMatch(e -> e.startsWith("SYMLINK etc/os-release -> ../usr/lib/os-release"))
        .anyMatch(e -> e.startsWith("FILE var/lib/dpkg/status"));
    assertThat(fromRegistry).isEqualTo(entries(docker));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "docker://", "registry:"})
  void opensRegistryReferencesWithOrWithoutAPrefix(String prefix) throws IOException {
    Image pulled = pull(prefix + RIG.open() + "/rig/tiny:1.0", Platform.LINUX_AMD64);

    assertThat(pulled.manifestDigest()).hasToString(RIG.value("RIG_IMG_TINY_1_0_DIGEST"));
    assertThat(pulled.name()).isEqualTo(RIG.open() + "/rig/tiny:1.0@" + pulled.manifestDigest());
  }

  @Test
  void aMalformedReferenceIsAScanError() {
    assertThatThrownBy(() -> pull("registry:Bad/Name", Platform.LINUX_AMD64))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("registry: invalid image reference 'Bad/Name'");
  }

  @Test
  void aRegistryFailureKeepsItsMessage() {
    assertThatThrownBy(() -> pull(RIG.open() + "/rig/tiny:absent", Platform.LINUX_AMD64))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("no such image");
  }
}
