package dev.vigil.ecosystem.apk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ApkVersionTest {
  private static final ApkVersion APK = ApkVersion.INSTANCE;

  static Stream<Arguments> vectors() throws IOException {
    return lines("version-vectors.txt").stream()
        .map(line -> line.split("\\s+"))
        .map(f -> Arguments.of(f[0], f[1], f[2]));
  }

  static Stream<Arguments> validity() throws IOException {
    return lines("version-validity.txt").stream()
        .map(line -> line.split(" ", 2))
        .map(f -> Arguments.of(f[0], f[1].equals("<empty>") ? "" : f[1]));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("vectors")
  void ordersLikeApk(String a, String op, String b) {
    int expected =
        switch (op) {
          case "<" -> -1;
          case "=" -> 0;
          case ">" -> 1;
          default -> throw new IllegalArgumentException("unknown operator " + op);
        };
    assertThat(Integer.signum(APK.compare(a, b))).as("%s %s %s", a, op, b).isEqualTo(expected);
    assertThat(Integer.signum(APK.compare(b, a))).as("reversed").isEqualTo(-expected);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("validity")
  void validatesLikeApk(String expected, String version) {
    assertThat(APK.isValid(version)).isEqualTo(expected.equals("valid"));
  }

  @Test
  void vectorFilesAreNotEmpty() throws IOException {
    assertThat(lines("version-vectors.txt")).hasSizeGreaterThan(60);
    assertThat(lines("version-validity.txt")).hasSizeGreaterThan(30);
  }

  @Test
  void sortsNullFirstAndNamesItself() {
    assertThat(APK.compare(null, "1.0")).isNegative();
    assertThat(APK.compare("1.0", null)).isPositive();
    assertThat(APK.compare(null, null)).isZero();
    assertThat(APK.isValid(null)).isFalse();
    assertThat(APK.name()).isEqualTo("apk");
  }

  @Test
  void sortsARealChangelog() {
    List<String> versions =
        new ArrayList<>(
            List.of("1.1.1g-r0", "1.1.1a-r0", "1.1.1k-r0", "1.1.1d-r2", "1.1.1d-r0", "1.1.1_rc1"));
    versions.sort(APK);
    assertThat(versions)
        .containsExactly(
            "1.1.1_rc1", "1.1.1a-r0", "1.1.1d-r0", "1.1.1d-r2", "1.1.1g-r0", "1.1.1k-r0");
  }

  private static List<String> lines(String resource) throws IOException {
    try (InputStream in = ApkVersionTest.class.getResourceAsStream("/ecosystem/apk/" + resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .toList();
    }
  }
}
