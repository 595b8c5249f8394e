package dev.vigil.ecosystem.rpm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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
    List<String> answers = vercmp(versions, true);
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
    List<String> answers = vercmp(pairs, false);
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

  /**
   * Runs rpm once: either every ordered pair of {@code values} ({@code all}), or consecutive pairs
   * ({@code values[0]} with {@code values[1]}, …). One answer per line.
   */
  private static List<String> vercmp(List<String> values, boolean all)
      throws IOException, InterruptedException {
    StringBuilder lua = new StringBuilder("local v = {\n");
    for (String value : values) {
      lua.append("[[").append(value).append("]],\n");
    }
    lua.append("}\n");
    lua.append(
        all
            ? "for i = 1, #v do for j = 1, #v do"
                + " io.write(rpm.vercmp(v[i], v[j]), '\\n') end end\n"
            : "for i = 1, #v, 2 do io.write(rpm.vercmp(v[i], v[i + 1]), '\\n') end\n");
    Path script = Files.createTempFile(tmp, "vercmp", ".lua");
    Files.writeString(script, lua, StandardCharsets.UTF_8);
    Process rpm =
        new ProcessBuilder("rpm", "--eval", "%{lua: dofile('" + script + "')}")
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(rpm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(rpm.waitFor(60, TimeUnit.SECONDS)).as("rpm finished").isTrue();
    assertThat(rpm.exitValue()).as("rpm exit code").isZero();
    List<String> answers = out.lines().filter(l -> !l.isBlank()).toList();
    assertThat(answers).hasSize(all ? values.size() * values.size() : values.size() / 2);
    return answers;
  }
}
