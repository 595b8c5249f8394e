package dev.vigil.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.model.Digest;
import dev.vigil.spi.ScanException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerCacheTest {
  @TempDir Path dir;

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private List<String> files() throws IOException {
    return CacheFiles.of(dir);
  }

  @Test
  void storesVerifiedBlobsUnderTheirDigest() throws IOException {
    LayerCache cache = new LayerCache(dir, 1 << 20);
    Digest digest = Digest.sha256(bytes("layer"));

    Path stored = cache.store(digest, new ByteArrayInputStream(bytes("layer")));

    assertThat(stored).isEqualTo(dir.resolve("blobs/sha256/" + digest.hex())).hasContent("layer");
    assertThat(cache.find(digest)).contains(stored);
    assertThat(files()).containsExactly("blobs/sha256/" + digest.hex());
    try (InputStream in = cache.open(digest)) {
      assertThat(in.readAllBytes()).isEqualTo(bytes("layer"));
    }
  }

  @Test
  void aMismatchStoresNothing() throws IOException {
    LayerCache cache = new LayerCache(dir, 1 << 20);
    Digest digest = Digest.sha256(bytes("expected"));

    assertThatThrownBy(() -> cache.store(digest, new ByteArrayInputStream(bytes("tampered"))))
        .isInstanceOf(ScanException.class)
        .hasMessageStartingWith("registry: blob " + digest + " does not match its digest");
    assertThat(cache.find(digest)).isEmpty();
    assertThat(files()).isEmpty();
  }

  @Test
  void aFailingSourceStoresNothing() throws IOException {
    LayerCache cache = new LayerCache(dir, 1 << 20);
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("connection reset");
          }
        };

    assertThatThrownBy(() -> cache.store(Digest.sha256(bytes("x")), failing))
        .hasMessage("connection reset");
    assertThat(files()).isEmpty();
  }

  @Test
  void aCachedBlobFoundCorruptOnReadIsDeleted() throws IOException {
    LayerCache cache = new LayerCache(dir, 1 << 20);
    Digest digest = Digest.sha256(bytes("layer"));
    Path stored = cache.store(digest, new ByteArrayInputStream(bytes("layer")));
    Files.writeString(stored, "rot");

    try (InputStream in = cache.open(digest)) {
      assertThatThrownBy(in::readAllBytes)
          .isInstanceOf(ScanException.class)
          .hasMessageContaining("was deleted, scan again to refetch it");
    }
    assertThat(stored).doesNotExist();
    assertThatThrownBy(() -> cache.open(digest)).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void trimsTheLeastRecentlyUsedBlobsToTheBound() throws IOException {
    LayerCache cache = new LayerCache(dir, 25, Duration.ZERO);
    Digest old = store(cache, "0123456789", Instant.now().minusSeconds(300));
    Digest used = store(cache, "abcdefghij", Instant.now().minusSeconds(200));
    cache.find(used);

    Digest fresh = Digest.sha256(bytes("ABCDEFGHIJ"));
    cache.store(fresh, new ByteArrayInputStream(bytes("ABCDEFGHIJ")));

    assertThat(cache.find(old)).isEmpty();
    assertThat(cache.find(used)).isPresent();
    assertThat(cache.find(fresh)).isPresent();
  }

  @Test
  void sparesBlobsUsedWithinTheGracePeriod() throws IOException {
    LayerCache cache = new LayerCache(dir, 5, Duration.ofMinutes(10));
    Digest a = store(cache, "0123456789", Instant.now());
    Digest b = store(cache, "abcdefghij", Instant.now());

    cache.trim();

    assertThat(cache.find(a)).isPresent();
    assertThat(cache.find(b)).isPresent();
  }

  private static Digest store(LayerCache cache, String text, Instant used) throws IOException {
    Digest digest = Digest.sha256(bytes(text));
    Path path = cache.store(digest, new ByteArrayInputStream(bytes(text)));
    Files.setLastModifiedTime(path, FileTime.from(used));
    return digest;
  }

  @Test
  void twoProcessesShareOneBoundedCache() throws Exception {
    long bound = 8L * CacheWorker.BLOB_SIZE;
    List<Process> workers = new ArrayList<>();
    for (String seed : new String[] {"1", "2"}) {
      workers.add(
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  CacheWorker.class.getName(),
                  dir.toString(),
                  String.valueOf(bound),
                  seed)
              .redirectErrorStream(true)
              .start());
    }
    for (Process worker : workers) {
      assertThat(worker.waitFor(2, TimeUnit.MINUTES)).isTrue();
      String output = new String(worker.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(worker.exitValue()).as(output).isZero();
      assertThat(output).startsWith("stored " + CacheWorker.BLOBS + " read ");
    }

    Map<String, Digest> expected = new java.util.HashMap<>();
    for (int i = 0; i < CacheWorker.BLOBS; i++) {
      Digest digest = Digest.sha256(CacheWorker.blob(i));
      expected.put("blobs/sha256/" + digest.hex(), digest);
    }
    List<String> left = files();
    assertThat(left).isNotEmpty().allMatch(expected::containsKey);
    assertThat(left.size() * (long) CacheWorker.BLOB_SIZE).isLessThanOrEqualTo(bound);
    for (String name : left) {
      assertThat(Digest.sha256(Files.readAllBytes(dir.resolve(name))))
          .isEqualTo(expected.get(name));
    }
  }

  @Test
  void aFullDiskFailsCleanlyAndLeavesNothing() throws Exception {
    Path small = Files.createDirectories(dir.resolve("tmpfs"));
    mount("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", small.toString());
    try {
      LayerCache cache = new LayerCache(small.resolve("layers"), 1 << 30);
      byte[] layer = new byte[4 << 20];
      new Random(15).nextBytes(layer);

      assertThatThrownBy(() -> cache.store(Digest.sha256(layer), new ByteArrayInputStream(layer)))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("registry: cannot write blob " + Digest.sha256(layer))
          .hasMessageContaining("into the layer cache " + small.resolve("layers"))
          .hasMessageEndingWith("No space left on device");
      assertThat(CacheFiles.of(small.resolve("layers"))).isEmpty();

      byte[] fits = bytes("a small layer that fits");
      cache.store(Digest.sha256(fits), new ByteArrayInputStream(fits));
      try (InputStream in = cache.open(Digest.sha256(fits))) {
        assertThat(in.readAllBytes()).isEqualTo(fits);
      }
    } finally {
      mount("umount", small.toString());
    }
  }

  private static void mount(String... command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue())
        .as(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isZero();
  }
}
