package dev.vigil.server.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Digest;
import dev.vigil.model.LayerRef;
import dev.vigil.progress.ProgressListener;
import dev.vigil.registry.LayerCache;
import dev.vigil.server.BlobServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.EventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The address guard in front of layer fetches: refused URIs never reach the HTTP client (its event
 * listener hears no call, no DNS lookup and no connect), host names are resolved once and the
 * client connects only to the checked addresses.
 */
class GuardedLayerFetcherTest {
  private static final byte[] LAYER = "a layer".getBytes(StandardCharsets.UTF_8);

  @TempDir Path tmp;

  /** Counts what the HTTP client does: calls started, DNS lookups, connects. */
  private static final class Events extends EventListener {
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger lookups = new AtomicInteger();
    final AtomicInteger connects = new AtomicInteger();

    @Override
    public void callStart(Call call) {
      calls.incrementAndGet();
    }

    @Override
    public void dnsStart(Call call, String domainName) {
      lookups.incrementAndGet();
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
      connects.incrementAndGet();
    }
  }

  private GuardedLayerFetcher fetcher(AddressGuard guard, Events events) {
    return new GuardedLayerFetcher(
        new LayerCache(tmp.resolve("layers"), 1L << 30), guard, Duration.ofSeconds(30), events);
  }

  private static LayerRef ref(String uri) {
    return new LayerRef(Digest.sha256(LAYER), URI.create(uri), Map.of());
  }

  @Test
  void theMetadataAddressIsRefusedBeforeAnyConnection() {
    Events events = new Events();
    AtomicInteger resolved = new AtomicInteger();
    AddressGuard guard =
        new AddressGuard(
            false,
            List.of(),
            host -> {
              resolved.incrementAndGet();
              return InetAddress.getAllByName(host);
            });
    GuardedLayerFetcher fetcher = fetcher(guard, events);
    for (String uri :
        List.of(
            "http://169.254.169.254/latest/meta-data/",
            "http://[::ffff:169.254.169.254]/latest/meta-data/",
            "http://[fd00:ec2::254]/latest/meta-data/",
            "http://[fe80::1]/blob")) {
      assertThatThrownBy(() -> fetcher.fetch(List.of(ref(uri)), ProgressListener.NONE))
          .as(uri)
          .isInstanceOf(LayerUriRefusedException.class)
          .hasMessageContaining("refused")
          .hasMessageContaining("always refused");
    }
    assertThat(resolved.get()).as("the guard resolved each URI itself").isEqualTo(4);
    assertThat(events.calls.get()).as("no HTTP call was started").isZero();
    assertThat(events.lookups.get()).isZero();
    assertThat(events.connects.get()).as("no connection was attempted").isZero();
  }

  @Test
  void aHostNameIsCheckedByEveryAddressItResolvesTo() throws IOException {
    Events events = new Events();
    AddressGuard guard =
        new AddressGuard(
            false,
            List.of(),
            host ->
                new InetAddress[] {
                  InetAddress.getByName("127.0.0.1"), InetAddress.getByName("169.254.169.254")
                });
    assertThatThrownBy(
            () ->
                fetcher(guard, events)
                    .fetch(List.of(ref("http://layers.invalid/blob")), ProgressListener.NONE))
        .isInstanceOf(LayerUriRefusedException.class)
        .hasMessageContaining("resolves to 169.254.169.254");
    assertThat(events.calls.get()).isZero();
    assertThat(events.connects.get()).isZero();
  }

  @Test
  void theClientConnectsOnlyToTheCheckedAddresses() throws IOException {
    try (BlobServer blobs = new BlobServer()) {
      URI served = blobs.blob(LAYER);
      AtomicInteger resolved = new AtomicInteger();
      AddressGuard rebinding =
          new AddressGuard(
              false,
              List.of(),
              host ->
                  new InetAddress[] {
                    InetAddress.getByName(
                        resolved.getAndIncrement() == 0 ? "127.0.0.1" : "169.254.169.254")
                  });
      Events events = new Events();
      GuardedLayerFetcher fetcher = fetcher(rebinding, events);
      String uri = "http://layers.invalid:" + served.getPort() + served.getPath();
      var layers = fetcher.fetch(List.of(ref(uri)), ProgressListener.NONE);
      try (InputStream in = fetcher.cache().open(layers.get(0).digest())) {
        assertThat(in.readAllBytes()).isEqualTo(LAYER);
      }
      assertThat(resolved.get()).as("the host was resolved once, by the guard").isEqualTo(1);
      assertThat(events.connects.get()).isEqualTo(1);
      assertThat(blobs.authorizations()).hasSize(1);
    }
  }

  @Test
  void denyPrivateRefusesLoopbackUnlessAllowed() throws IOException {
    try (BlobServer blobs = new BlobServer()) {
      URI served = blobs.blob(LAYER);
      Events events = new Events();
      assertThatThrownBy(
              () ->
                  fetcher(new AddressGuard(true, List.of()), events)
                      .fetch(List.of(ref(served.toString())), ProgressListener.NONE))
          .isInstanceOf(LayerUriRefusedException.class)
          .hasMessageContaining("deny_private");
      assertThat(events.connects.get()).isZero();
      assertThat(blobs.authorizations()).isEmpty();

      AddressGuard allowed = new AddressGuard(true, List.of(Network.parse("127.0.0.0/8")));
      assertThat(
              fetcher(allowed, events)
                  .fetch(List.of(ref(served.toString())), ProgressListener.NONE))
          .hasSize(1);
      assertThat(blobs.authorizations()).hasSize(1);
      AddressGuard notMetadata = new AddressGuard(true, List.of(Network.parse("169.254.0.0/16")));
      assertThat(notMetadata.refusal(InetAddress.getByName("169.254.169.254")))
          .as("an allow-list never opens link-local addresses")
          .isPresent();
    }
  }

  @Test
  void networksParseAndContainAddresses() throws IOException {
    Network ten = Network.parse("10.0.0.0/8");
    assertThat(ten.contains(InetAddress.getByName("10.200.3.4"))).isTrue();
    assertThat(ten.contains(InetAddress.getByName("11.0.0.1"))).isFalse();
    Network cgnat = Network.parse("100.64.0.0/10");
    assertThat(cgnat.contains(InetAddress.getByName("100.127.255.255"))).isTrue();
    assertThat(cgnat.contains(InetAddress.getByName("100.128.0.0"))).isFalse();
    assertThat(Network.parse("fc00::/7").contains(InetAddress.getByName("fd12::1"))).isTrue();
    assertThat(Network.parse("::1").contains(InetAddress.getByName("127.0.0.1"))).isFalse();
    assertThatThrownBy(() -> Network.parse("example.com/8"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Network.parse("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
