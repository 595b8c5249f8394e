package dev.vigil.bench.jmh;

import dev.vigil.bench.MatchingBench;
import dev.vigil.datastore.Datastore;
import dev.vigil.ecosystem.Defaults;
import dev.vigil.matcher.MatcherEngine;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Vulnerability;
import dev.vigil.store.Datastores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One vulnerability report of {@link MatcherEngine} for 1,000 installed bookworm packages against
 * an SQLite store seeded with the Debian bookworm OVAL fixture (see {@link MatchingBench}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class MatchingBenchmark {
  private Path dir;
  private Datastore store;
  private MatcherEngine engine;
  private IndexReport index;

  /** Seeds the store and builds the index report. */
  @Setup
  public void setUp() throws IOException {
    List<Vulnerability> feed = MatchingBench.bookwormOval();
    dir = Files.createTempDirectory("vigil-jmh-matching");
    store = Datastores.open(dir.resolve("vigil.db").toString());
    store.updateVulnerabilities("debian-oval", "jmh", feed);
    engine = new MatcherEngine(Defaults.matchers(), store);
    index = MatchingBench.installed(feed);
  }

  /** Closes and deletes the store. */
  @TearDown
  public void tearDown() throws IOException {
    store.close();
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) {
        Files.delete(f);
      }
    }
    Files.delete(dir);
  }

  /** One report. */
  @Benchmark
  public void report(Blackhole hole) {
    hole.consume(engine.match(index));
  }
}
