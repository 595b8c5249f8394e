package dev.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.registry.CacheFiles;
import dev.vigil.registry.FaultProxy;
import dev.vigil.registry.FreePort;
import dev.vigil.registry.Rig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registry failures through {@code vigil scan}: each a one-line error and exit 2 within the
 * timeout, with nothing left in the layer cache; and a second scan that downloads nothing.
 */
class ScanRegistryErrorsTest {
  private static final Rig RIG = Rig.get();
  private static final String LAYER = RIG.value("RIG_TINY_LAYER_DIGEST");

  @TempDir Path tmp;

  private CliRun scan(String image, String... flags) {
    List<String> args = new ArrayList<>(List.of("scan", "--format", "json", "--timeout", "2s"));
    args.addAll(List.of("--db", tmp.resolve("vigil.db").toString()));
    args.addAll(List.of("--cache-dir", cache().toString()));
    args.addAll(List.of(flags));
    args.add(image);
    return CliRun.of(args.toArray(String[]::new));
  }

  private Path cache() {
    return tmp.resolve("cache");
  }

  private void assertFailedWith(CliRun run, String message) throws IOException {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    List<String> errors = run.err().lines().filter(l -> !l.contains("warning")).toList();
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0)).startsWith("vigil: registry: ").contains(message);
    assertThat(CacheFiles.of(cache())).isEmpty();
  }

  @Test
  void wrongCredentials() throws IOException {
    CliRun run =
        scan(RIG.basic() + "/rig/tiny:1.0", "--username", "rig", "--password", "not-the-password");

    assertFailedWith(run, RIG.basic() + " rejected the credentials of user 'rig'");
  }

  @Test
  void wrongCredentialsAtTheTokenServer() throws IOException {
    CliRun run =
        scan(RIG.token() + "/rig/tiny:1.0", "--username", "rig", "--password", "not-the-password");

    assertFailedWith(run, "rejected the credentials of user 'rig' (401)");
  }

  @Test
  void anUnknownTag() throws IOException {
    assertFailedWith(scan(RIG.open() + "/rig/tiny:no-such-tag"), "no such image");
  }

  @Test
  void aRegistryThatIsDown() throws IOException {
    String down = "127.0.0.1:" + FreePort.find();

    assertFailedWith(scan(down + "/rig/tiny:1.0"), "cannot reach " + down);
  }

  @Test
  void aBlobWhoseBytesDoNotMatchItsDigest() throws IOException {
    try (FaultProxy proxy = FaultProxy.start(RIG.open()).corrupt(LAYER)) {
      assertFailedWith(scan(proxy.address() + "/rig/tiny:1.0"), "does not match its digest");
    }
  }

  @Test
  @Timeout(60)
  void aRegistryThatStallsMidBlob() throws IOException {
    try (FaultProxy proxy = FaultProxy.start(RIG.open()).stall(LAYER)) {
      assertFailedWith(scan(proxy.address() + "/rig/tiny:1.0"), "(read timeout)");
    }
  }

  @Test
  void aSecondScanDownloadsNoBlob() throws IOException {
    String image = "/" + RIG.value("RIG_IMG_DEBIAN_MINBASE_BOOKWORM");
    try (FaultProxy proxy = FaultProxy.start(RIG.open())) {
      CliRun first = scan(proxy.address() + image);
      long blobs = proxy.count("/blobs/");
      CliRun second = scan(proxy.address() + image);

      assertThat(first.exitCode()).as(first.err()).isZero();
      assertThat(second.exitCode()).as(second.err()).isZero();
      assertThat(second.out()).isEqualTo(first.out());
      assertThat(blobs).isEqualTo(4);
      assertThat(proxy.count("/blobs/")).isEqualTo(blobs);
      assertThat(proxy.count("/manifests/")).isEqualTo(2);
    }
  }
}
