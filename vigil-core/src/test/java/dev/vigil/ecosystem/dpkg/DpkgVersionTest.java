package dev.vigil.ecosystem.dpkg;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DpkgVersionTest {
  private static final DpkgVersion DPKG = DpkgVersion.INSTANCE;
  private static final String UPSTREAM = "0123456789.+~abzAZ";
  private static final String REVISION = "0123456789.+~bdeu";

  static Stream<Arguments> vectors() throws IOException {
    return lines("version-vectors.txt").stream()
        .map(line -> line.split("\\s+"))
        .map(f -> Arguments.of(f[0], f[1], f[2]));
  }

  static Stream<Arguments> syntax() throws IOException {
    return lines("version-syntax.txt").stream()
        .map(line -> line.split(" ", 2))
        .map(f -> Arguments.of(f[0], f[1]));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("vectors")
  void ordersLikeDpkg(String a, String op, String b) {
    int expected = sign(op);
    assertThat(Integer.signum(DPKG.compare(a, b))).as("%s %s %s", a, op, b).isEqualTo(expected);
    assertThat(Integer.signum(DPKG.compare(b, a))).as("reversed").isEqualTo(-expected);
  }

  @Test
  void theVectorsAreWhatDpkgSays() throws IOException {
    List<String[]> pairs = new ArrayList<>();
    List<Integer> expected = new ArrayList<>();
    for (String line : lines("version-vectors.txt")) {
      String[] f = line.split("\\s+");
      pairs.add(new String[] {f[0], f[2]});
      expected.add(sign(f[1]));
    }

    assertThat(DpkgTool.compareAll(pairs)).isEqualTo(expected).hasSizeGreaterThan(80);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("syntax")
  void judgesSyntaxLikeDpkg(String expected, String version) throws IOException {
    assertThat(DPKG.isValid(version)).isEqualTo(expected.equals("valid"));
    assertThat(DpkgVersion.problem(version).isPresent()).isEqualTo(expected.equals("error"));

    DpkgTool.Run dpkg =
        DpkgTool.run(List.of("dpkg", "--compare-versions", "--", version, "eq", version), null);
    String oracle =
        dpkg.exitCode() == 2 ? "error" : dpkg.err().contains("warning") ? "warning" : "valid";
    assertThat(oracle).as("dpkg on '%s': %s", version, dpkg.err()).isEqualTo(expected);
    DpkgVersion.problem(version)
        .ifPresent(why -> assertThat(dpkg.err()).as("dpkg's own words").contains(why));
  }

  @Test
  void ordersSeededRandomPairsLikeDpkg() throws IOException {
    Random random = new Random(20240613L);
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      String a = randomVersion(random);
      String b = random.nextInt(4) == 0 ? randomVersion(random) : mutate(a, random);
      pairs.add(new String[] {a, b});
    }

    List<Integer> oracle = DpkgTool.compareAll(pairs);

    List<String> disagreements = new ArrayList<>();
    int equal = 0;
    for (int i = 0; i < pairs.size(); i++) {
      String[] p = pairs.get(i);
      int ours = Integer.signum(DPKG.compare(p[0], p[1]));
      equal += ours == 0 ? 1 : 0;
      if (ours != oracle.get(i)) {
        disagreements.add(p[0] + " vs " + p[1] + ": dpkg " + oracle.get(i) + ", ours " + ours);
      }
    }
    assertThat(disagreements).isEmpty();
    assertThat(pairs).allSatisfy(p -> assertThat(DPKG.isValid(p[0])).as(p[0]).isTrue());
    assertThat(equal).as("some pairs are equal in dpkg's eyes").isBetween(10, 1500);
    assertThat(oracle).contains(-1, 0, 1);
  }

  @Test
  void sortsNullFirstAndNamesItself() {
    assertThat(DPKG.compare(null, "1.0")).isNegative();
    assertThat(DPKG.compare("1.0", null)).isPositive();
    assertThat(DPKG.compare(null, null)).isZero();
    assertThat(DPKG.isValid(null)).isFalse();
    assertThat(DPKG.name()).isEqualTo("dpkg");
  }

  @Test
  void comparesVersionsDpkgRejectsWithoutFailing() {
    assertThat(DPKG.compare("x:1.0", "1.0")).isZero();
    assertThat(DPKG.compare("1.0 1", "1.0")).isPositive();
    assertThat(DPKG.compare("", "0")).isZero();
  }

  /** A valid version: optional epoch, upstream starting with a digit, optional revision. */
  private static String randomVersion(Random random) {
    StringBuilder v = new StringBuilder();
    if (random.nextInt(5) == 0) {
      v.append(random.nextInt(3)).append(':');
    }
    v.append((char) ('0' + random.nextInt(10)));
    v.append(randomText(random, UPSTREAM, random.nextInt(8)));
    if (random.nextInt(3) > 0) {
      v.append('-').append(randomText(random, REVISION, 1 + random.nextInt(6)));
    }
    return v.toString();
  }

  /** A close relative of {@code version}: one character changed, added or removed, kept valid. */
  private static String mutate(String version, Random random) {
    for (int attempt = 0; attempt < 20; attempt++) {
      StringBuilder v = new StringBuilder(version);
      int at = random.nextInt(v.length() + 1);
      char c = UPSTREAM.charAt(random.nextInt(UPSTREAM.length()));
      switch (random.nextInt(4)) {
        case 0 -> v.insert(at, c);
        case 1 -> v.insert(at, '~');
        case 2 -> v.replace(Math.min(at, v.length() - 1), Math.min(at + 1, v.length()), "" + c);
        default -> v.append(random.nextBoolean() ? "0" : "+b1");
      }
      String candidate = v.toString();
      if (DPKG.isValid(candidate)) {
        return candidate;
      }
    }
    return version;
  }

  private static String randomText(Random random, String alphabet, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString();
  }

  private static int sign(String op) {
    return switch (op) {
      case "<" -> -1;
      case "=" -> 0;
      case ">" -> 1;
      default -> throw new IllegalArgumentException("unknown operator " + op);
    };
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in =
        DpkgVersionTest.class.getResourceAsStream("/ecosystem/dpkg/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(line -> !line.isBlank() && !line.startsWith("#"))
          .toList();
    }
  }
}
