package dev.vigil.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Docker's config.json: auths, credHelpers and credsStore, with real helper processes. */
class DockerConfigTest {
  private static final String HELPER =
      """
      #!/bin/sh
      read -r url
      case "$url" in
        127.0.0.1:5001|https://index.docker.io/v1/)
          printf '{"ServerURL":"%s","Username":"%s","Secret":"from-helper"}' "$url" "$url";;
        *) echo "credentials not found in native keychain"; exit 1;;
      esac
      """;

  @TempDir Path temp;
  private CredentialHelper helpers;

  @BeforeEach
  void installHelpers() throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    script(bin.resolve("docker-credential-vigiltest"), HELPER);
    script(bin.resolve("docker-credential-hangs"), "#!/bin/sh\nsleep 30\n");
    script(bin.resolve("docker-credential-broken"), "#!/bin/sh\necho 'no keychain'\nexit 3\n");
    helpers = new CredentialHelper(List.of(temp.resolve("nowhere"), bin), Duration.ofSeconds(5));
  }

  private static void script(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private DockerConfig config(String json) throws IOException {
    Path file = temp.resolve("config.json");
    Files.writeString(file, json);
    return DockerConfig.load(file);
  }

  private static String auth(String user, String password) {
    return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(UTF_8));
  }

  @Test
  void readsInlineAuthsMatchingTheHostOfEachKey() throws IOException {
    DockerConfig config =
        config(
            "{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\""
                + auth("hub", "p:w")
                + "\"},\"http://127.0.0.1:5001/v2/\":{\"username\":\"rig\",\"password\":\"x\"}}}");

    assertThat(config.credential("docker.io", helpers)).contains(new Credential("hub", "p:w"));
    assertThat(config.credential("127.0.0.1:5001", helpers)).contains(new Credential("rig", "x"));
    assertThat(config.credential("quay.io", helpers)).isEmpty();
  }

  @Test
  void asksThePerRegistryHelperFirst() throws IOException {
    DockerConfig config =
        config(
            "{\"credHelpers\":{\"127.0.0.1:5001\":\"vigiltest\"},"
                + "\"auths\":{\"127.0.0.1:5001\":{\"auth\":\""
                + auth("inline", "x")
                + "\"}}}");

    assertThat(config.credential("127.0.0.1:5001", helpers))
        .contains(new Credential("127.0.0.1:5001", "from-helper"));
  }

  @Test
  void asksTheStoreWithDockerHubsServerUrlAndFallsBackToAuths() throws IOException {
    DockerConfig config =
        config(
            "{\"credsStore\":\"vigiltest\",\"auths\":{\"quay.io\":{\"auth\":\""
                + auth("q", "y")
                + "\"}}}");

    assertThat(config.credential("docker.io", helpers))
        .contains(new Credential("https://index.docker.io/v1/", "from-helper"));
    assertThat(config.credential("quay.io", helpers)).contains(new Credential("q", "y"));
  }

  @Test
  void reportsMissingFailingAndHangingHelpers() throws IOException {
    CredentialHelper impatient =
        new CredentialHelper(List.of(temp.resolve("bin")), Duration.ofMillis(300));

    assertThatThrownBy(() -> config("{\"credsStore\":\"absent\"}").credential("quay.io", helpers))
        .isInstanceOf(RegistryException.class)
        .hasMessage("registry: the credential helper docker-credential-absent is not on the PATH");
    assertThatThrownBy(() -> config("{\"credsStore\":\"broken\"}").credential("quay.io", helpers))
        .hasMessage("registry: docker-credential-broken failed (exit 3): no keychain");
    assertThatThrownBy(() -> config("{\"credsStore\":\"hangs\"}").credential("quay.io", impatient))
        .hasMessage("registry: docker-credential-hangs did not answer within 300 ms");
  }

  @Test
  void aMissingFileIsEmptyAndABrokenOneIsAnError() throws IOException {
    assertThat(DockerConfig.load(temp.resolve("none.json")).credential("docker.io", helpers))
        .isEqualTo(Optional.empty());
    assertThatThrownBy(() -> config("{\"auths\":"))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("registry: cannot read Docker config ");
  }

  @Test
  void pullsFromTheBasicRegistryWithCredentialsFromTheConfig() throws IOException {
    Rig rig = Rig.get();
    Credential user = rig.credential();
    Path file = temp.resolve("docker/config.json");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "{\"auths\":{\""
            + rig.basic()
            + "\":{\"auth\":\""
            + auth(user.username(), user.password())
            + "\"}}}");
    RegistrySettings settings =
        RegistrySettings.builder().dockerConfig(file).cacheDirectory(temp.resolve("cache")).build();

    PulledImage image =
        new RegistryClient(settings)
            .pull(ImageReference.parse(rig.basic() + "/rig/tiny:1.0"), Platform.LINUX_AMD64);

    assertThat(image.manifestDigest()).hasToString(rig.value("RIG_IMG_TINY_1_0_DIGEST"));
  }
}
