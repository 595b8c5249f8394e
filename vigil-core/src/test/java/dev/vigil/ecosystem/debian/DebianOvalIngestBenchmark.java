package dev.vigil.ecosystem.debian;

import static dev.vigil.testing.Fixtures.fixture;

import dev.vigil.feed.FeedClient;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.Updater;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Measures how long ingesting each Debian OVAL fixture takes (bzip2 decompression, streaming XML
 * parse, resolution into vulnerabilities: {@code debian-oval}'s parse step) against a floor in the
 * same run, the bare bzip2 decompression of the same file, and the heap this needs: the peak of the
 * heap pools during the parse, and what stays reachable once the vulnerabilities are built.
 *
 * <p>Run it (docs/BENCHMARKS.md has the figures):
 *
 * <pre>
 * ./mvnw -q -pl vigil-core -am test-compile
 * ./mvnw -q -pl vigil-core exec:exec -Dexec.executable=java -Dexec.classpathScope=test \
 *   -Dexec.args="-Xmx512m -Dvigil.shared=$PWD/../shared -cp %classpath \
 *   dev.vigil.ecosystem.debian.DebianOvalIngestBenchmark"
 * </pre>
 */
public final class DebianOvalIngestBenchmark {
  private static final int ROUNDS = 3;

  private DebianOvalIngestBenchmark() {}

  /** Prints one line per release: floor, ingest time, vulnerabilities, peak and retained heap. */
  public static void main(String[] args) throws IOException {
    Updater updater =
        DebianOval.updaterFactory()
            .create(Path.of("/nonexistent").toUri(), new FeedClient(Duration.ofSeconds(1)));
    System.out.println(
        "release   bz2-MB  floor-ms  ingest-ms  vulns   peak-heap-MB  retained-MB  (best of "
            + ROUNDS
            + ")");
    for (String release : List.of("buster", "bullseye", "bookworm")) {
      Path file = fixture("feeds/debian-oval/oval-definitions-" + release + ".xml.bz2");
      Path dir = Files.createTempDirectory("oval-bench");
      Files.copy(file, dir.resolve(file.getFileName()));
      long floor = Long.MAX_VALUE;
      long ingest = Long.MAX_VALUE;
      long peak = 0;
      long retained = 0;
      int count = 0;
      for (int round = 0; round < ROUNDS; round++) {
        floor = Math.min(floor, decompress(file));
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        List<Vulnerability> vulns = updater.parse(dir);
        ingest = Math.min(ingest, System.nanoTime() - start);
        peak = Math.max(peak, peakHeap());
        System.gc();
        retained = usedHeap();
        count = vulns.size();
      }
      System.out.printf(
          "%-9s %6.1f  %8d  %9d  %5d  %12d  %11d%n",
          release,
          Files.size(file) / 1e6,
          floor / 1_000_000,
          ingest / 1_000_000,
          count,
          peak >> 20,
          retained >> 20);
      Files.delete(dir.resolve(file.getFileName()));
      Files.delete(dir);
    }
  }

  private static long decompress(Path file) throws IOException {
    long start = System.nanoTime();
    try (InputStream in =
        new BZip2CompressorInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) >= 0) {
        // the floor only reads
      }
    }
    return System.nanoTime() - start;
  }

  private static void resetPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of each heap pool's peak: an upper bound of the heap's peak. */
  private static long peakHeap() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  private static long usedHeap() {
    return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .toList();
  }
}
