package dev.vigil.bench;

import static dev.vigil.testing.Fixtures.fixture;

import dev.vigil.ecosystem.debian.DebianOval;
import dev.vigil.ecosystem.mariner.MarinerOval;
import dev.vigil.ecosystem.nvd.NvdUpdaterFactory;
import dev.vigil.feed.FeedClient;
import dev.vigil.spi.EnrichmentUpdater;
import dev.vigil.spi.UpdaterFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * Measures feed ingest (the updaters' parse step, from the fetched files to vulnerabilities or
 * enrichment records): records per second and the peak heap, for the Debian OVAL files (against a
 * floor in the same run, the bare bzip2 decompression of the file), the CBL-Mariner 2.0 OVAL and
 * NVD API 2.0 pages (the 38-CVE page fixture, repeated). Best of {@code ROUNDS}.
 *
 * <p>Arguments: {@code ROUNDS NVD_PAGES DEBIAN_RELEASES} (comma-separated, e.g. {@code
 * buster,bullseye,bookworm}, or {@code none}). Prints one line per feed: {@code ingest <feed>
 * records=N ms=T records_per_s=R peak_heap_mb=H floor_ms=F}.
 */
public final class IngestBench {
  private static final FeedClient OFFLINE = new FeedClient(Duration.ofSeconds(1));

  private IngestBench() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    int rounds = Integer.parseInt(args[0]);
    int nvdPages = Integer.parseInt(args[1]);
    for (String release : "none".equals(args[2]) ? new String[0] : args[2].split(",")) {
      Path debian = fixture("feeds/debian-oval/oval-definitions-" + release + ".xml.bz2");
      measure(
          "debian-oval-" + release,
          rounds,
          decompressMs(debian),
          DebianOval.updaterFactory(),
          debian);
    }
    measure(
        "mariner-oval-2.0",
        rounds,
        -1,
        MarinerOval.updaterFactory(),
        fixture("feeds/mariner-oval/cbl-mariner-2.0-oval.xml"));
    measureNvd(rounds, nvdPages);
  }

  private static void measure(
      String feed, int rounds, long floorMs, UpdaterFactory factory, Path file) throws IOException {
    var updater = factory.create(Path.of("/nonexistent").toUri(), OFFLINE);
    Path dir = Files.createTempDirectory("vigil-ingest-bench");
    Files.copy(file, dir.resolve(file.getFileName()));
    long best = Long.MAX_VALUE;
    long peak = 0;
    int records = 0;
    try {
      for (int round = 0; round < rounds; round++) {
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        records = updater.parse(dir).size();
        best = Math.min(best, System.nanoTime() - start);
        peak = Math.max(peak, peakHeap());
      }
    } finally {
      delete(dir);
    }
    print(feed, records, best, peak, floorMs);
  }

  private static void measureNvd(int rounds, int pages) throws IOException {
    var updater =
        (EnrichmentUpdater)
            new NvdUpdaterFactory().create(Path.of("/nonexistent").toUri(), OFFLINE);
    Path dir = Files.createTempDirectory("vigil-ingest-bench");
    Path pageDir = Files.createDirectories(dir.resolve("pages"));
    Path page = fixture("feeds/nvd/api-2.0/page-38-cves.json");
    for (int i = 0; i < pages; i++) {
      Files.copy(page, pageDir.resolve(String.format("%09d.json", i * 38)));
    }
    long best = Long.MAX_VALUE;
    long peak = 0;
    AtomicLong records = new AtomicLong();
    try {
      for (int round = 0; round < rounds; round++) {
        records.set(0);
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        updater.parseEnrichments(dir, r -> records.incrementAndGet());
        best = Math.min(best, System.nanoTime() - start);
        peak = Math.max(peak, peakHeap());
      }
    } finally {
      delete(dir);
    }
    print("nvd-api-2.0-x" + pages, records.get(), best, peak, -1);
  }

  private static void print(String feed, long records, long nanos, long peak, long floorMs) {
    System.out.printf(
        "ingest %s records=%d ms=%d records_per_s=%.0f peak_heap_mb=%d floor_ms=%s%n",
        feed,
        records,
        nanos / 1_000_000,
        records / (nanos / 1e9),
        peak >> 20,
        floorMs < 0 ? "-" : Long.toString(floorMs));
  }

  private static long decompressMs(Path file) throws IOException {
    long start = System.nanoTime();
    try (InputStream in =
        new BZip2CompressorInputStream(
            new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
    }
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed())
        .sum();
  }

  private static void delete(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
