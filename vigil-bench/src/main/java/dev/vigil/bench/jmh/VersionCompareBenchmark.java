package dev.vigil.bench.jmh;

import dev.vigil.ecosystem.apk.ApkVersion;
import dev.vigil.ecosystem.dpkg.DpkgVersion;
import dev.vigil.ecosystem.maven.MavenVersion;
import dev.vigil.ecosystem.npm.NpmVersion;
import dev.vigil.ecosystem.pypi.Pep440Version;
import dev.vigil.ecosystem.rpm.RpmVersion;
import dev.vigil.spi.VersionScheme;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One version comparison per scheme, on pairs of real versions (installed version against a fix, as
 * the matchers compare them): nanoseconds per comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VersionCompareBenchmark {
  private static final Map<String, VersionScheme> SCHEMES =
      Map.of(
          "dpkg", DpkgVersion.INSTANCE,
          "rpm", RpmVersion.INSTANCE,
          "apk", ApkVersion.INSTANCE,
          "maven", MavenVersion.INSTANCE,
          "pep440", Pep440Version.INSTANCE,
          "semver", NpmVersion.INSTANCE);

  /** Pairs from the fixtures: Debian openssl, Mariner openssl, Alpine busybox, and so on. */
  private static final Map<String, String[]> PAIRS =
      Map.of(
          "dpkg", new String[] {"1:2.38.1-5+deb12u1", "1:2.38.1-5+deb12u2~bpo11+1"},
          "rpm", new String[] {"1:1.1.1k-4.cm2", "1:1.1.1k-12.cm2"},
          "apk", new String[] {"1.30.1-r5", "1.30.1-r10_git20200101"},
          "maven", new String[] {"2.9.10.6", "2.12.6.1"},
          "pep440", new String[] {"2.0.0rc1.post2", "2.2.5"},
          "semver", new String[] {"4.16.4", "4.19.2-beta.1+build.7"});

  @Param({"dpkg", "rpm", "apk", "maven", "pep440", "semver"})
  public String scheme;

  private VersionScheme versions;
  private String installed;
  private String fixed;

  /** Picks the scheme and its pair. */
  @Setup
  public void setUp() {
    versions = SCHEMES.get(scheme);
    installed = PAIRS.get(scheme)[0];
    fixed = PAIRS.get(scheme)[1];
  }

  /** One comparison. */
  @Benchmark
  public int compare() {
    return versions.compare(installed, fixed);
  }
}
