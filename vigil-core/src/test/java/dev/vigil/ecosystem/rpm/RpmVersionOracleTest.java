package dev.vigil.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.testing.RpmOracle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RpmVersion} against rpm itself: Debian's {@code rpm} evaluates {@code rpm.vercmp} (which
 * is {@code rpmverCmp} over {@code rpmverParse}) for seeded random versions, every pair of them,
 * and for every line of the vector files. The seed comes from {@code -Dprop.seed} (default fixed)
 * and is printed with any failure.
 */
class RpmVersionOracleTest {
  private static final long SEED = Long.getLong("prop.seed", 20240611L);
  private static final int COUNT = 200;
  private static final String[] TOKENS = {
    "0",
    "1",
    "2",
    "9",
    "10",
    "01",
    "007",
    "123456789012345678901",
    "a",
    "b",
    "z",
    "rc",
    "git",
    "el",
    "fc",
    "A",
    "Z",
    "α"
  };
  private static final String[] SEPARATORS = {".", ".", ".", "_", "+", "~", "^", ""};

  @TempDir static Path tmp;
  private static List<String> versions;
  private static int[][] oracle;

  @BeforeAll
  static void askRpm() throws IOException, InterruptedException {
    Random random = new Random(SEED);
    versions = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      versions.add(evr(random));
    }
    List<String> answers = RpmOracle.vercmp(tmp, versions, true);
    oracle = new int[COUNT][COUNT];
    for (int i = 0; i < COUNT; i++) {
      for (int j = 0; j < COUNT; j++) {
        oracle[i][j] = Integer.parseInt(answers.get(i * COUNT + j));
      }
    }
  }

  @Test
  void agreesWithRpmOnEveryPairOfRandomVersions() {
    for (int i = 0; i < COUNT; i++) {
      for (int j = 0; j < COUNT; j++) {
        assertThat(Integer.signum(RpmVersion.INSTANCE.compare(versions.get(i), versions.get(j))))
            .as("seed %d: %s vs %s", SEED, versions.get(i), versions.get(j))
            .isEqualTo(oracle[i][j]);
      }
    }
  }

  @Test
  void isATotalOrderOnRandomVersions() {
    int[][] m = new int[COUNT][COUNT];
    for (int i = 0; i < COUNT; i++) {
      for (int j = 0; j < COUNT; j++) {
        m[i][j] = Integer.signum(RpmVersion.INSTANCE.compare(versions.get(i), versions.get(j)));
      }
    }
    for (int a = 0; a < COUNT; a++) {
      assertThat(m[a][a]).as("seed %d: reflexive %s", SEED, versions.get(a)).isZero();
      for (int b = 0; b < COUNT; b++) {
        assertThat(m[a][b]).as("seed %d: antisymmetric %d %d", SEED, a, b).isEqualTo(-m[b][a]);
        for (int c = 0; c < COUNT; c++) {
          if (m[a][b] <= 0 && m[b][c] <= 0) {
            int expected = m[a][b] < 0 || m[b][c] < 0 ? -1 : 0;
            if (m[a][c] != expected) {
              throw new AssertionError(
                  "seed %d: not transitive: %s, %s, %s"
                      .formatted(SEED, versions.get(a), versions.get(b), versions.get(c)));
            }
          }
        }
      }
    }
  }

  @Test
  void rpmAgreesWithTheVectorFiles() throws IOException, InterruptedException {
    List<String> pairs = new ArrayList<>();
    List<String> lines = new ArrayList<>(RpmVersionTest.lines("rpmvercmp.txt"));
    lines.addAll(RpmVersionTest.lines("evr.txt"));
    List<Integer> expected = new ArrayList<>();
    for (String line : lines) {
      String[] f = line.split(" ");
      pairs.add(f[0]);
      pairs.add(f[2]);
      expected.add(f[1].equals("<") ? -1 : f[1].equals("=") ? 0 : 1);
    }
    List<String> answers = RpmOracle.vercmp(tmp, pairs, false);
    for (int k = 0; k < lines.size(); k++) {
      assertThat(Integer.parseInt(answers.get(k))).as(lines.get(k)).isEqualTo(expected.get(k));
    }
  }

  /** A random {@code [epoch:]version[-release]} made of tokens that often collide. */
  private static String evr(Random random) {
    StringBuilder s = new StringBuilder();
    int epoch = random.nextInt(6);
    if (epoch == 1) {
      s.append(random.nextInt(3)).append(':');
    } else if (epoch == 2) {
      s.append(random.nextBoolean() ? "00:" : ":");
    }
    s.append(part(random));
    if (random.nextInt(5) > 0) {
      s.append('-').append(part(random));
    }
    return s.toString();
  }

  private static String part(Random random) {
    StringBuilder s = new StringBuilder(TOKENS[random.nextInt(TOKENS.length)]);
    int more = random.nextInt(5);
    for (int k = 0; k < more; k++) {
      s.append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
      s.append(TOKENS[random.nextInt(TOKENS.length)]);
    }
    return s.toString();
  }
}
