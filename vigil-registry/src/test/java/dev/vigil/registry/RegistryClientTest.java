package dev.vigil.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.layer.LayerSource;
import dev.vigil.model.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pulls from the rig's four real registries: every auth mode, TLS, manifests, indexes. */
class RegistryClientTest {
  private static final Rig RIG = Rig.get();
  private static final Digest TINY = Digest.parse(RIG.value("RIG_IMG_TINY_1_0_DIGEST"));
  private static final Digest TINY_LAYER = Digest.parse(RIG.value("RIG_TINY_LAYER_DIGEST"));

  @TempDir Path cache;

  private RegistrySettings.Builder settings() {
    return RegistrySettings.builder()
        .cacheDirectory(cache)
        .timeout(Duration.ofSeconds(10))
        .retries(3, Duration.ofMillis(20));
  }

  private PulledImage pull(RegistrySettings.Builder settings, String reference) throws IOException {
    return new RegistryClient(settings.build())
        .pull(ImageReference.parse(reference), Platform.LINUX_AMD64);
  }

  private static List<Digest> layers(PulledImage image) {
    return image.layers().stream().map(LayerSource::digest).toList();
  }

  @Test
  void pullsAnonymouslyFromTheOpenRegistryOverPlainHttp() throws IOException {
    PulledImage image = pull(settings(), RIG.open() + "/rig/tiny:1.0");

    assertThat(image.manifestDigest()).isEqualTo(TINY);
    assertThat(layers(image)).containsExactly(TINY_LAYER);
    assertThat(image.platform()).isEqualTo(Platform.LINUX_AMD64);
    assertThat(image.name()).isEqualTo(RIG.open() + "/rig/tiny:1.0@" + TINY);
    assertThat(cache.resolve("blobs/sha256/" + TINY_LAYER.hex())).exists();
  }

  @Test
  void resolvesWithoutDownloadingAndGivesTheBlobUrlAndAuthorization() throws IOException {
    ResolvedImage image =
        new RegistryClient(settings().credential(RIG.credential()).build())
            .resolve(ImageReference.parse(RIG.token() + "/rig/tiny:1.0"), Platform.LINUX_AMD64);

    assertThat(image.manifestDigest()).isEqualTo(TINY);
    assertThat(image.layers()).containsExactly(TINY_LAYER);
    assertThat(image.layerUris().get(0).toString()).endsWith("/v2/rig/tiny/blobs/" + TINY_LAYER);
    assertThat(image.authorization()).startsWith("Bearer ");
    assertThat(cache.resolve("blobs/sha256/" + TINY_LAYER.hex())).doesNotExist();
  }

  @Test
  void pullsWithBasicAuth() throws IOException {
    PulledImage image =
        pull(settings().credential(RIG.credential()), RIG.basic() + "/rig/tiny:1.0");

    assertThat(image.manifestDigest()).isEqualTo(TINY);
  }

  @Test
  void pullsWithABearerTokenForTheUser() throws IOException {
    PulledImage image =
        pull(settings().credential(RIG.credential()), RIG.token() + "/rig/tiny:1.0");

    assertThat(image.manifestDigest()).isEqualTo(TINY);
  }

  @Test
  void pullsWithAnAnonymousBearerToken() throws IOException {
    PulledImage image = pull(settings(), RIG.token() + "/public/tiny:1.0");

    assertThat(image.manifestDigest()).isEqualTo(TINY);
  }

  @Test
  void pullsOverTlsWithTheRigCa() throws IOException {
    PulledImage image = pull(settings().caCertificate(RIG.tlsCa()), RIG.tls() + "/rig/tiny:1.0");

    assertThat(image.manifestDigest()).isEqualTo(TINY);
  }

  @Test
  void pullsOverTlsWithoutVerificationOnlyWhenAsked() throws IOException {
    PulledImage image = pull(settings().tlsVerify(false), RIG.tls() + "/rig/tiny:1.0");

    assertThat(image.manifestDigest()).isEqualTo(TINY);
    assertThatThrownBy(() -> pull(settings(), RIG.tls() + "/rig/tiny:1.0"))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("registry: cannot reach https://" + RIG.tls() + "/v2/ (")
        .hasMessageContaining("its TLS certificate is not trusted (")
        .hasMessageContaining("pass --ca-cert FILE, or --tls-no-verify")
        .hasMessageEndingWith("answered 400");
  }

  @Test
  void picksThePlatformFromAnIndex() throws IOException {
    String multiarch = RIG.open() + "/rig/tiny:multiarch";
    RegistryClient client = new RegistryClient(settings().build());

    PulledImage amd64 = client.pull(ImageReference.parse(multiarch), Platform.LINUX_AMD64);
    PulledImage arm64 = client.pull(ImageReference.parse(multiarch), Platform.parse("linux/arm64"));

    assertThat(amd64.manifestDigest()).isEqualTo(TINY);
    assertThat(amd64.platform()).isEqualTo(Platform.LINUX_AMD64);
    assertThat(arm64.manifestDigest()).isNotEqualTo(TINY);
    assertThat(arm64.platform()).isEqualTo(Platform.parse("linux/arm64/v8"));
    assertThat(layers(arm64)).containsExactly(TINY_LAYER);
    assertThatThrownBy(
            () -> client.pull(ImageReference.parse(multiarch), Platform.parse("linux/s390x")))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("has no image for linux/s390x")
        .hasMessageContaining("linux/amd64, linux/arm64/v8");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rig/tiny:1.0-v2s2", "rig/debian-minbase:bookworm-v2s2"})
  void readsDockerSchema2Manifests(String image) throws IOException {
    PulledImage pulled = pull(settings(), RIG.open() + "/" + image);

    assertThat(pulled.layers()).isNotEmpty();
    assertThat(pulled.platform()).isEqualTo(Platform.LINUX_AMD64);
  }

  @Test
  void pullsByDigestAndChecksTheManifestAgainstIt() throws IOException {
    PulledImage image = pull(settings(), RIG.open() + "/rig/tiny@" + TINY);

    assertThat(image.manifestDigest()).isEqualTo(TINY);
    assertThat(image.name()).isEqualTo(RIG.open() + "/rig/tiny@" + TINY);
  }

  @Test
  void pullsTheDebianImageWithItsThreeLayers() throws IOException {
    PulledImage image =
        pull(settings(), RIG.open() + "/" + RIG.value("RIG_IMG_DEBIAN_MINBASE_BOOKWORM"));

    assertThat(image.manifestDigest())
        .isEqualTo(Digest.parse(RIG.value("RIG_IMG_DEBIAN_MINBASE_BOOKWORM_DIGEST")));
    assertThat(image.layers()).hasSize(3);
  }

  @Test
  void refusesWrongBasicCredentials() {
    Credential wrong = new Credential("rig", "wrong");

    assertThatThrownBy(() -> pull(settings().credential(wrong), RIG.basic() + "/rig/tiny:1.0"))
        .isInstanceOf(RegistryException.class)
        .hasMessage("registry: " + RIG.basic() + " rejected the credentials of user 'rig'");
  }

  @Test
  void asksForCredentialsWhenBasicAuthIsRequired() {
    assertThatThrownBy(() -> pull(settings(), RIG.basic() + "/rig/tiny:1.0"))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("registry: " + RIG.basic() + " requires credentials; pass");
  }

  @Test
  void refusesWrongCredentialsAtTheTokenServer() {
    Credential wrong = new Credential("rig", "wrong");

    assertThatThrownBy(() -> pull(settings().credential(wrong), RIG.token() + "/rig/tiny:1.0"))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "registry: the token server "
                + RIG.value("RIG_TOKEN_REALM")
                + " rejected the credentials of user 'rig' (401)");
  }

  @Test
  void reportsAnAnonymousTokenWithoutTheScope() {
    assertThatThrownBy(() -> pull(settings(), RIG.token() + "/rig/tiny:1.0"))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith(
            "registry: "
                + RIG.token()
                + " refused anonymous pull of rig/tiny (insufficient_scope)");
  }

  @Test
  void reportsAnUnknownTag() {
    assertThatThrownBy(() -> pull(settings(), RIG.open() + "/rig/tiny:no-such-tag"))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith(
            "registry: " + RIG.open() + "/rig/tiny:no-such-tag: no such image (no manifest")
        .hasMessageContaining("MANIFEST_UNKNOWN");
  }

  @Test
  void reportsARegistryThatIsDown() throws IOException {
    String down = "127.0.0.1:" + FreePort.find();

    assertThatThrownBy(() -> pull(settings(), down + "/rig/tiny:1.0"))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "registry: cannot reach "
                + down
                + ": https: connection refused; http: connection refused");
  }
}
