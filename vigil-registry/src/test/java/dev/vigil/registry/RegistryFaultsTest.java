package dev.vigil.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Digest;
import dev.vigil.model.LayerRef;
import dev.vigil.model.Manifest;
import dev.vigil.spi.ScanException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real rig registries behind a fault-injecting proxy: corrupt, stalled, cut and refused blobs,
 * redirects to blob storage, token caching, and a second pull served from the cache.
 */
class RegistryFaultsTest {
  private static final Rig RIG = Rig.get();
  private static final Digest TINY = Digest.parse(RIG.value("RIG_IMG_TINY_1_0_DIGEST"));
  private static final String LAYER = RIG.value("RIG_TINY_LAYER_DIGEST");

  @TempDir Path cache;
  private FaultProxy proxy;

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
  }

  private RegistrySettings.Builder settings() {
    return RegistrySettings.builder()
        .cacheDirectory(cache)
        .timeout(Duration.ofSeconds(2))
        .retries(3, Duration.ofMillis(20));
  }

  private PulledImage pullTiny(RegistrySettings.Builder settings) throws IOException {
    return new RegistryClient(settings.build())
        .pull(ImageReference.parse(proxy.address() + "/rig/tiny:1.0"), Platform.LINUX_AMD64);
  }

  private List<String> cacheFiles() throws IOException {
    return CacheFiles.of(cache);
  }

  @Test
  void aSecondPullRequestsNoBlob() throws IOException {
    proxy = FaultProxy.start(RIG.open());

    pullTiny(settings());
    long first = proxy.count("/blobs/");
    pullTiny(settings());

    assertThat(first).isEqualTo(2);
    assertThat(proxy.count("/blobs/")).isEqualTo(first);
    assertThat(proxy.count("/manifests/")).isEqualTo(2);
  }

  @Test
  void aCorruptBlobFailsAndIsNotCached() throws IOException {
    proxy = FaultProxy.start(RIG.open()).corrupt(LAYER);

    assertThatThrownBy(() -> pullTiny(settings()))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("registry: blob " + LAYER + " does not match its digest");
    assertThat(proxy.count("/blobs/" + LAYER)).isEqualTo(1);
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  @Timeout(60)
  void aBlobThatStallsIsCutOffByTheReadTimeout() throws IOException {
    proxy = FaultProxy.start(RIG.open()).stall(LAYER);

    assertThatThrownBy(() -> pullTiny(settings()))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("GET blob " + LAYER)
        .hasMessageEndingWith("no data received for 2000 ms (read timeout)");
    assertThat(proxy.count("/blobs/" + LAYER)).isEqualTo(1);
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void retriesServerErrorsHonouringRetryAfter() throws IOException {
    proxy = FaultProxy.start(RIG.open()).fail(LAYER, 503, 2, "0");

    assertThat(pullTiny(settings()).manifestDigest()).isEqualTo(TINY);
    assertThat(proxy.count("/blobs/" + LAYER)).isEqualTo(3);
  }

  @Test
  void retriesTooManyRequests() throws IOException {
    proxy = FaultProxy.start(RIG.open()).fail(LAYER, 429, 1, "1");

    assertThat(pullTiny(settings()).manifestDigest()).isEqualTo(TINY);
    assertThat(proxy.count("/blobs/" + LAYER)).isEqualTo(2);
  }

  @Test
  void givesUpAtOnceWhenAskedToWaitMoreThanAMinute() throws IOException {
    proxy = FaultProxy.start(RIG.open()).fail(LAYER, 429, 5, "3600");

    assertThatThrownBy(() -> pullTiny(settings()))
        .isInstanceOf(RegistryException.class)
        .hasMessageEndingWith("answered 429 and asks to wait 3600 s: try again later");
    assertThat(proxy.count("/blobs/" + LAYER)).isEqualTo(1);
  }

  @Test
  void retriesAConnectionCutMidBody() throws IOException {
    proxy = FaultProxy.start(RIG.open()).reset(LAYER, 1);

    assertThat(pullTiny(settings()).manifestDigest()).isEqualTo(TINY);
    assertThat(proxy.count("/blobs/" + LAYER)).isEqualTo(2);
  }

  @Test
  @Timeout(60)
  void aRegistryKilledMidBlobFailsCleanlyAndPoisonsNoCache() throws Exception {
    proxy = FaultProxy.start(RIG.open()).stall(LAYER);
    FaultProxy killed = proxy;
    Thread killer =
        new Thread(
            () -> {
              try {
                while (!CacheFiles.of(cache).stream().anyMatch(f -> f.startsWith("tmp/"))) {
                  Thread.sleep(10);
                }
              } catch (IOException | InterruptedException e) {
                // kill anyway
              }
              killed.close();
            });
    killer.start();

    assertThatThrownBy(() -> pullTiny(settings().timeout(Duration.ofSeconds(20))))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(LAYER);
    killer.join();
    assertThat(cacheFiles()).isEmpty();

    proxy = FaultProxy.start(RIG.open());
    assertThat(pullTiny(settings()).manifestDigest()).isEqualTo(TINY);
    assertThat(cacheFiles()).hasSize(2).allMatch(f -> f.startsWith("blobs/sha256/"));
  }

  @Test
  void givesUpAfterTheLastAttempt() throws IOException {
    proxy = FaultProxy.start(RIG.open()).fail(LAYER, 502, 10, null);

    assertThatThrownBy(() -> pullTiny(settings()))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("answered 502");
    assertThat(proxy.count("/blobs/" + LAYER)).isEqualTo(3);
    assertThat(cacheFiles()).isEmpty();
  }

  @Test
  void followsARedirectToBlobStorageWithoutTheRegistryCredentials() throws IOException {
    try (BlobStorage storage = BlobStorage.start(RIG.ociLayout())) {
      proxy = FaultProxy.start(RIG.basic()).redirect(LAYER, storage.base());

      PulledImage image = pullTiny(settings().credential(RIG.credential()));

      assertThat(image.manifestDigest()).isEqualTo(TINY);
      assertThat(storage.received()).hasSize(1);
      assertThat(storage.received().get(0)).doesNotContainKey("Authorization");
      assertThat(proxy.requests()).anyMatch(r -> r.endsWith("/blobs/" + LAYER));
    }
  }

  @Test
  void cachesTheBearerTokenAcrossRequests() throws IOException {
    String realm = RIG.value("RIG_TOKEN_REALM");
    try (FaultProxy tokens = FaultProxy.start(URI.create(realm).getAuthority())) {
      proxy =
          FaultProxy.start(RIG.token())
              .rewriteHeaders(
                  realm, realm.replace(URI.create(realm).getAuthority(), tokens.address()));

      pullTiny(settings().credential(RIG.credential()));

      assertThat(proxy.count("/v2/rig/tiny/")).isEqualTo(4);
      assertThat(tokens.requests())
          .containsExactly("GET /token?service=rig-registry&scope=repository%3Arig%2Ftiny%3Apull");
    }
  }

  @Test
  void reportsDockerSchema1Clearly() throws IOException {
    proxy = FaultProxy.start(RIG.open()).stripAccept();

    assertThatThrownBy(
            () ->
                new RegistryClient(settings().build())
                    .pull(
                        ImageReference.parse(proxy.address() + "/rig/tiny:1.0-v2s2"),
                        Platform.LINUX_AMD64))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining(
            "is a Docker schema 1 manifest, which is deprecated and not supported");
  }

  @Test
  void refusesLayerUrisThatAreNotHttp() throws IOException {
    Digest layer = Digest.parse(LAYER);
    Manifest manifest =
        new Manifest(TINY, List.of(new LayerRef(layer, URI.create("file:/etc/passwd"), Map.of())));

    assertThatThrownBy(() -> new RegistryClient(settings().build()).pull(manifest))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "registry: layer " + LAYER + " has a URI that is not http(s): file:/etc/passwd");
  }

  @Test
  void pullsAManifestGivenAsLayerUrisAndHeaders() throws IOException {
    proxy = FaultProxy.start(RIG.basic());
    URI blob = URI.create("http://" + proxy.address() + "/v2/rig/tiny/blobs/" + LAYER);
    Map<String, List<String>> headers =
        Map.of("Authorization", List.of(RIG.credential().basicAuthorization()));
    Manifest manifest =
        new Manifest(TINY, List.of(new LayerRef(Digest.parse(LAYER), blob, headers)));

    PulledImage image = new RegistryClient(settings().build()).pull(manifest);

    assertThat(image.manifestDigest()).isEqualTo(TINY);
    assertThat(image.layers()).hasSize(1);
    assertThat(cache.resolve("blobs/sha256/" + Digest.parse(LAYER).hex())).exists();
    assertThat(proxy.requests()).containsExactly("GET /v2/rig/tiny/blobs/" + LAYER);
  }
}
