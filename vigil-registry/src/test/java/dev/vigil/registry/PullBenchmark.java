package dev.vigil.registry;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The benchmark of {@code scripts/bench-registry.sh} (not a test): pulls one image into empty layer
 * caches with {@link RegistryClient}, {@code N} times in one JVM (a fresh client and cache each
 * time), and prints the JVM start-up time, each client's set-up and pull times, and the peak heap
 * use. The first pull is a cold JVM's, as in {@code vigil scan}; later ones show a warm JVM, as in
 * the server's indexer.
 */
public final class PullBenchmark {
  private PullBenchmark() {}

  /** Arguments: an image reference, a directory for the caches, and how many pulls (default 1). */
  public static void main(String[] args) throws IOException {
    System.out.printf("jvm_startup_ms=%d%n", ManagementFactory.getRuntimeMXBean().getUptime());
    int pulls = args.length > 2 ? Integer.parseInt(args[2]) : 1;
    for (int i = 0; i < pulls; i++) {
      long setupStart = System.nanoTime();
      RegistrySettings settings =
          RegistrySettings.builder()
              .cacheDirectory(Path.of(args[1], "pull-" + i))
              .timeout(Duration.ofSeconds(60))
              .build();
      RegistryClient client = new RegistryClient(settings);
      long start = System.nanoTime();
      PulledImage image = client.pull(ImageReference.parse(args[0]), Platform.LINUX_AMD64);
      long end = System.nanoTime();
      System.out.printf(
          "pull=%d image=%s layers=%d setup_ms=%d pull_ms=%d%n",
          i,
          image.manifestDigest(),
          image.layers().size(),
          (start - setupStart) / 1_000_000,
          (end - start) / 1_000_000);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "peak_heap_mb=%d max_heap_mb=%d%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
  }
}
