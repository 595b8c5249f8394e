package dev.vigil.bench;

import static dev.vigil.testing.Fixtures.fixture;

import dev.vigil.datastore.Datastore;
import dev.vigil.ecosystem.Defaults;
import dev.vigil.ecosystem.debian.DebianOval;
import dev.vigil.feed.FeedClient;
import dev.vigil.matcher.MatcherEngine;
import dev.vigil.model.Digest;
import dev.vigil.model.Distribution;
import dev.vigil.model.Environment;
import dev.vigil.model.IndexReport;
import dev.vigil.model.Package;
import dev.vigil.model.Vulnerability;
import dev.vigil.spi.Updater;
import dev.vigil.store.Datastores;
import dev.vigil.testing.PostgresSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Times a vulnerability report for 1,000 installed Debian packages against a store holding the
 * Debian bookworm OVAL fixture, repeated under new package and vulnerability names until it holds
 * the number of records asked for (the copies are never candidates, as a big store's other
 * distributions and packages are not), on SQLite and on PostgreSQL.
 *
 * <p>Arguments: {@code sqlite|postgres RECORDS ROUNDS}: ROUNDS measured reports after up to {@value
 * #WARM_UP} unmeasured ones. Prints one line: {@code matching <store> records=N packages=1000
 * findings=F best_ms=B median_ms=M load_ms=L}.
 */
public final class MatchingBench {
  private static final int PACKAGES = 1000;

  /**
   * Reports computed before the measured ones (at most ROUNDS), while the JIT compiles the path: a
   * long-running server answers from compiled code.
   */
  private static final int WARM_UP = 10;

  private static final Digest MANIFEST = Digest.parse("sha256:" + "be".repeat(32));

  private MatchingBench() {}

  /** Runs the benchmark; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    String kind = args[0];
    int records = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    List<Vulnerability> feed = bookwormOval();
    if ("postgres".equals(kind)) {
      try (PostgresSchema schema = new PostgresSchema()) {
        run(kind, schema.url(), feed, records, rounds);
      }
    } else {
      Path dir = Files.createTempDirectory("vigil-matching-bench");
      try {
        run(kind, dir.resolve("vigil.db").toString(), feed, records, rounds);
      } finally {
        try (var files = Files.list(dir)) {
          for (Path f : files.toList()) {
            Files.delete(f);
          }
        }
        Files.delete(dir);
      }
    }
  }

  private static void run(
      String kind, String location, List<Vulnerability> feed, int records, int rounds) {
    try (Datastore store = Datastores.open(location)) {
      long loadStart = System.nanoTime();
      List<Vulnerability> scaled = scaled(feed, records);
      store.updateVulnerabilities("debian-oval", "bench", scaled);
      long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
      IndexReport index = installed(feed);
      MatcherEngine engine = new MatcherEngine(Defaults.matchers(), store);
      for (int round = 0; round < Math.min(rounds, WARM_UP); round++) {
        engine.match(index);
      }
      long[] times = new long[rounds];
      int findings = 0;
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        findings = engine.match(index).vulnerabilities().size();
        times[round] = System.nanoTime() - start;
      }
      java.util.Arrays.sort(times);
      System.out.printf(
          "matching %s records=%d packages=%d findings=%d best_ms=%.1f median_ms=%.1f"
              + " load_ms=%d%n",
          kind, scaled.size(), PACKAGES, findings, times[0] / 1e6, times[rounds / 2] / 1e6, loadMs);
    }
  }

  /** The Debian bookworm OVAL fixture, parsed by the {@code debian-oval} updater. */
  public static List<Vulnerability> bookwormOval() throws IOException {
    Updater updater =
        DebianOval.updaterFactory()
            .create(Path.of("/nonexistent").toUri(), new FeedClient(Duration.ofSeconds(1)));
    Path file = fixture("feeds/debian-oval/oval-definitions-bookworm.xml.bz2");
    Path dir = Files.createTempDirectory("vigil-oval-bench");
    Path copy = Files.copy(file, dir.resolve(file.getFileName()));
    try {
      return updater.parse(dir);
    } finally {
      Files.delete(copy);
      Files.delete(dir);
    }
  }

  /** The feed, then copies of it under new names until {@code records} are reached. */
  private static List<Vulnerability> scaled(List<Vulnerability> feed, int records) {
    List<Vulnerability> out = new ArrayList<>(Math.max(records, feed.size()));
    out.addAll(feed);
    for (int copy = 1; out.size() < records; copy++) {
      for (Vulnerability v : feed) {
        if (out.size() == records) {
          break;
        }
        out.add(renamed(v, "-copy" + copy));
      }
    }
    return out;
  }

  private static Vulnerability renamed(Vulnerability v, String suffix) {
    Package pkg = v.pkg();
    Package renamedPkg =
        new Package(
            pkg.id(),
            pkg.name() + suffix,
            pkg.version(),
            pkg.kind(),
            pkg.source(),
            pkg.normalizedVersion(),
            pkg.module(),
            pkg.arch(),
            pkg.cpe());
    return new Vulnerability(
        v.id(),
        v.updater(),
        v.name() + suffix,
        v.description(),
        v.issued(),
        v.links(),
        v.severity(),
        v.normalizedSeverity(),
        renamedPkg,
        v.distribution(),
        v.repository(),
        v.fixedInVersion(),
        v.archOp());
  }

  /**
   * An index report of 1,000 installed bookworm packages: the first 1,000 source packages the feed
   * names; every tenth installed at version 1.0-1 (older than most fixes, so it has findings), the
   * others at 99:1.0-1 (newer than every fix: looked up, compared, not affected), so that a report
   * holds hundreds of findings as a real image's does, not thousands.
   */
  public static IndexReport installed(List<Vulnerability> feed) {
    Distribution bookworm = feed.get(0).distribution().withId("1");
    TreeSet<String> names = new TreeSet<>();
    feed.forEach(v -> names.add(v.pkg().name()));
    Map<String, Package> packages = new LinkedHashMap<>();
    Map<String, List<Environment>> environments = new LinkedHashMap<>();
    for (String name : names) {
      if (packages.size() == PACKAGES) {
        break;
      }
      String id = Integer.toString(packages.size() + 1);
      String version = packages.size() % 10 == 0 ? "1.0-1" : "99:1.0-1";
      packages.put(
          id, Package.binary(name, version, "amd64", Package.source(name, version)).withId(id));
      environments.put(
          id, List.of(new Environment("var/lib/dpkg/status", MANIFEST, "1", List.of())));
    }
    if (packages.size() < PACKAGES) {
      throw new IllegalStateException("the feed names only " + packages.size() + " packages");
    }
    return new IndexReport(
        MANIFEST,
        IndexReport.FINISHED,
        packages,
        Map.of("1", bookworm),
        Map.of(),
        environments,
        true,
        "");
  }
}
