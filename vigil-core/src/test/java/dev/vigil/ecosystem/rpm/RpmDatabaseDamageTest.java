package dev.vigil.ecosystem.rpm;

import static dev.vigil.testing.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every fixture database, damaged at seeded random places (bytes overwritten, the file cut short):
 * reading never throws, every package it still returns is whole, and a database cut short says what
 * it lost. The seed comes from {@code -Dprop.seed} and is printed with any failure.
 */
class RpmDatabaseDamageTest {
  private static final long SEED = Long.getLong("prop.seed", 20240611L);
  private static final int VARIANTS = 40;

  @TempDir Path tmp;

  static Stream<String> fixtures() {
    return Stream.of(
        "cbl-mariner-2.0/rpmdb.sqlite",
        "sle15-bci/Packages.db",
        "libuuid-bdb/Packages",
        "scalibr-bdb-epoch/Packages",
        "syft-bdb/Packages");
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void survivesRandomDamage(String name) throws IOException {
    byte[] original = Files.readAllBytes(fixture("pkgdb/rpm/" + name));
    // a copy: SQLite writes beside a database it opens
    Path copy = Files.write(tmp.resolve("whole"), original);
    int whole = RpmDatabase.parse(copy).packages().size();
    Random random = new Random(SEED ^ name.hashCode());
    for (int v = 0; v < VARIANTS; v++) {
      byte[] damaged = original.clone();
      int writes = 1 + random.nextInt(16);
      for (int w = 0; w < writes; w++) {
        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
      }
      check(name, "overwritten, variant " + v, damaged);
      int cut = random.nextInt(original.length);
      RpmDatabase.Contents truncated = check(name, "cut at " + cut, Arrays.copyOf(original, cut));
      if (truncated.packages().size() < whole) {
        assertThat(truncated.problems()).as("seed %d: %s cut at %d", SEED, name, cut).isNotEmpty();
      }
    }
  }

  private RpmDatabase.Contents check(String name, String how, byte[] db) throws IOException {
    Path file = tmp.resolve("db");
    Files.write(file, db);
    RpmDatabase.Contents contents = RpmDatabase.parse(file);
    assertThat(contents.packages())
        .as("seed %d: %s %s", SEED, name, how)
        .allSatisfy(
            p -> {
              assertThat(p.name()).isNotEmpty();
              assertThat(p.version()).isNotEmpty();
              assertThat(p.release()).isNotEmpty();
            });
    return contents;
  }
}
